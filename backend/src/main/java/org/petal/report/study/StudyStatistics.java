package org.petal.report.study;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The study's statistics, pure and deterministic.
 *
 * <p><b>Time saved</b> is {@code 1 − mean(AI-assisted) / mean(manual)} on active seconds per case. The ratio of
 * means, not of medians, because means add up: a project's annotation effort is n × mean, so the ratio says how
 * much of the team's time AI assistance saves. Annotation times are right-skewed (a few hard cases), which makes
 * the mean noisier than the median; the bootstrap interval shows that noise, and the medians are reported next
 * to it for a reader who wants a typical case.
 *
 * <p><b>Interval</b>: percentile bootstrap. Each resample draws, with replacement, as many cases as each arm has
 * from that arm alone (the arms are independent samples: in a crossover design different annotators read a case
 * in the two modes), recomputes the statistic, and the interval is the 2.5th and 97.5th percentiles of
 * {@value #RESAMPLES} resamples. The random generator starts from a fixed seed, so a report over the same data
 * gives the same interval every time.
 *
 * <p><b>Quantiles</b> interpolate linearly between order statistics (Hyndman–Fan type 7, the default of R,
 * NumPy and spreadsheets): the p-quantile of n sorted values sits at position p·(n − 1).
 */
final class StudyStatistics {

    static final int RESAMPLES = 2000;
    static final long SEED = 20_261_125L;
    static final double CONFIDENCE = 0.95;

    private StudyStatistics() {}

    static StudyReport.BoxStats box(double[] values) {
        if (values.length == 0) {
            return new StudyReport.BoxStats(0, null, null, null, null, null, null);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return new StudyReport.BoxStats(s.length, s[0], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75),
            s[s.length - 1], mean(s));
    }

    /** The p-quantile of sorted values, linear interpolation (type 7). */
    static double quantile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static Double median(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return quantile(s, 0.5);
    }

    /** % active time saved by AI assistance with its bootstrap interval (see the class comment). */
    static StudyReport.Saved saved(double[] aiAssisted, double[] manual) {
        return saved(aiAssisted, manual, RESAMPLES, SEED);
    }

    static StudyReport.Saved saved(double[] aiAssisted, double[] manual, int resamples, long seed) {
        Double meanAi = aiAssisted.length == 0 ? null : mean(aiAssisted);
        Double meanManual = manual.length == 0 ? null : mean(manual);
        Double point = null;
        Double low = null;
        Double high = null;
        if (meanAi != null && meanManual != null && meanManual > 0) {
            point = 100 * (1 - meanAi / meanManual);
            double[] interval = interval(aiAssisted, manual, resamples, seed);
            if (interval != null) {
                low = interval[0];
                high = interval[1];
            }
        }
        return new StudyReport.Saved(aiAssisted.length, manual.length, meanAi, meanManual, median(aiAssisted),
            median(manual), point, low, high);
    }

    /** Percentile bootstrap interval of the % saved; null when (almost) every resample has a manual mean of zero. */
    private static double[] interval(double[] ai, double[] manual, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            double sumAi = 0;
            for (int n = 0; n < ai.length; n++) {
                sumAi += ai[random.nextInt(ai.length)];
            }
            double sumManual = 0;
            for (int n = 0; n < manual.length; n++) {
                sumManual += manual[random.nextInt(manual.length)];
            }
            if (sumManual > 0) {  // a resample of manual cases that all took 0 s has no ratio
                stats[kept++] = 100 * (1 - (sumAi / ai.length) / (sumManual / manual.length));
            }
        }
        if (kept < resamples / 2) {
            return null;
        }
        double[] s = Arrays.copyOf(stats, kept);
        Arrays.sort(s);
        double tail = (1 - CONFIDENCE) / 2;
        return new double[] {quantile(s, tail), quantile(s, 1 - tail)};
    }
}
