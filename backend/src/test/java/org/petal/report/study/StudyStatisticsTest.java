package org.petal.report.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StudyStatisticsTest {

    /** Right-skewed like annotation times: log-normal around {@code median} seconds. */
    private static double[] times(int n, double median, long seed) {
        Random r = new Random(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = median * Math.exp(0.5 * r.nextGaussian());
        }
        return t;
    }

    @Test
    void aBoxPlotOfOneToFiveHasItsQuartilesOnTheMiddleValues() {
        var b = StudyStatistics.box(new double[] {5, 1, 4, 2, 3});
        assertThat(b.n()).isEqualTo(5);
        assertThat(new double[] {b.min(), b.q1(), b.median(), b.q3(), b.max(), b.mean()})
            .containsExactly(1, 2, 3, 4, 5, 3);
    }

    @Test
    void quartilesBetweenTwoValuesInterpolateLinearly() {
        var b = StudyStatistics.box(new double[] {10, 20, 30, 40});
        assertThat(b.q1()).isCloseTo(17.5, within(1e-12));
        assertThat(b.median()).isCloseTo(25, within(1e-12));
        assertThat(b.q3()).isCloseTo(32.5, within(1e-12));
    }

    @Test
    void aBoxPlotOfNothingHasNoNumbers() {
        var b = StudyStatistics.box(new double[0]);
        assertThat(b.n()).isZero();
        assertThat(b.median()).isNull();
        assertThat(b.mean()).isNull();
    }

    @Test
    void timeSavedIsOneMinusTheRatioOfTheArmsMeans() {
        var s = StudyStatistics.saved(new double[] {20, 40}, new double[] {90, 110});
        assertThat(s.meanAiAssistedSeconds()).isEqualTo(30);
        assertThat(s.meanManualSeconds()).isEqualTo(100);
        assertThat(s.savedPercent()).isCloseTo(70, within(1e-9));
    }

    @Test
    void theBootstrapIntervalContainsThePointEstimateAndIsTheSameOnEveryRun() {
        double[] ai = times(40, 60, 1);
        double[] manual = times(40, 150, 2);
        var first = StudyStatistics.saved(ai, manual);
        var again = StudyStatistics.saved(ai.clone(), manual.clone());
        assertThat(first.ciLowPercent()).isLessThan(first.savedPercent());
        assertThat(first.ciHighPercent()).isGreaterThan(first.savedPercent());
        assertThat(again).isEqualTo(first);
        // 40 cases an arm with a log-normal spread of 0.5: the 95% interval is some ten points wide, not zero, not fifty.
        assertThat(first.ciHighPercent() - first.ciLowPercent()).isBetween(4.0, 30.0);
    }

    @Test
    void anotherSeedMovesTheIntervalOnlyByResamplingNoise() {
        double[] ai = times(40, 60, 3);
        double[] manual = times(40, 150, 4);
        var fixed = StudyStatistics.saved(ai, manual, StudyStatistics.RESAMPLES, StudyStatistics.SEED);
        var other = StudyStatistics.saved(ai, manual, StudyStatistics.RESAMPLES, 99);
        assertThat(other.ciLowPercent()).isNotEqualTo(fixed.ciLowPercent()).isCloseTo(fixed.ciLowPercent(), within(1.5));
        assertThat(other.ciHighPercent()).isCloseTo(fixed.ciHighPercent(), within(1.5));
    }

    @Test
    void withTwoCasesAnArmTheIntervalRunsFromTheWorstToTheBestResample() {
        // Resampled means are 27, 31 or 35 (AI) and 95, 100 or 105 (manual); each extreme pair comes up in
        // 1 of 16 resamples, more than the 2.5% of either tail.
        var s = StudyStatistics.saved(new double[] {27, 35}, new double[] {95, 105});
        assertThat(s.ciLowPercent()).isCloseTo(100 * (1 - 35.0 / 95), within(1e-9));
        assertThat(s.ciHighPercent()).isCloseTo(100 * (1 - 27.0 / 105), within(1e-9));
    }

    @Test
    void anEmptyArmOrManualCasesOfZeroSecondsGiveNoPercentage() {
        assertThat(StudyStatistics.saved(new double[0], new double[] {100}).savedPercent()).isNull();
        var zero = StudyStatistics.saved(new double[] {10}, new double[] {0, 0});
        assertThat(zero.savedPercent()).isNull();
        assertThat(zero.ciLowPercent()).isNull();
        assertThat(zero.nManual()).isEqualTo(2);
    }
}
