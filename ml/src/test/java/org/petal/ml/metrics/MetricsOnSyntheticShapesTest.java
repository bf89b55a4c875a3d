package org.petal.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Shapes;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class MetricsOnSyntheticShapesTest {

    private final VolumeGeometry iso = Shapes.grid(64, 64, 64, 1, 1, 1);
    private final VolumeGeometry aniso = Shapes.grid(80, 80, 40, 0.8, 0.8, 2.0);

    @Test
    void aVoxelisedBallHasAboutTheAnalyticVolume() {
        BinaryMask ball = Shapes.ball(aniso, 40, 40, 20, 20);
        double analyticMl = 4.0 / 3 * Math.PI * 20 * 20 * 20 / 1000;
        assertThat(ball.volumeMl()).isCloseTo(analyticMl, within(analyticMl * 0.02));
    }

    @Test
    void identicalMasksHaveDiceOneNsdOneAndHd95Zero() {
        BinaryMask ball = Shapes.ball(aniso, 40, 40, 20, 12);
        assertThat(SegmentationMetrics.dice(ball, ball.copy())).isEqualTo(1.0);
        assertThat(SegmentationMetrics.nsd(ball, ball.copy())).isEqualTo(1.0);
        assertThat(SegmentationMetrics.hd95(ball, ball.copy())).isEqualTo(0.0);
    }

    @Test
    void theDiceOfTwoShiftedBallsMatchesTheirAnalyticOverlap() {
        double r = 15, shift = 10;
        BinaryMask a = Shapes.ball(iso, 27, 32, 32, r);
        BinaryMask b = Shapes.ball(iso, 37, 32, 32, r);
        // Lens volume of two equal spheres at distance s: π(4r + s)(2r − s)² / 12.
        double lens = Math.PI * (4 * r + shift) * Math.pow(2 * r - shift, 2) / 12;
        double analytic = 2 * lens / (2 * 4.0 / 3 * Math.PI * r * r * r);
        assertThat(SegmentationMetrics.dice(a, b)).isCloseTo(analytic, within(0.02));
    }

    @Test
    void theHd95OfConcentricBallsIsAboutTheirRadiusDifference() {
        BinaryMask outer = Shapes.ball(aniso, 40, 40, 20, 24);
        BinaryMask inner = Shapes.ball(aniso, 40, 40, 20, 16);
        assertThat(SegmentationMetrics.hd95(inner, outer)).isCloseTo(8.0, within(1.0));
        assertThat(SegmentationMetrics.hausdorffPercentile(inner, outer, 100)).isCloseTo(8.0, within(1.0));
    }

    @Test
    void nsdCountsSurfacesWithinTheToleranceOnly() {
        BinaryMask outer = Shapes.ball(iso, 32, 32, 32, 20);
        BinaryMask inner = Shapes.ball(iso, 32, 32, 32, 16);
        assertThat(SegmentationMetrics.nsd(inner, outer, 1.0)).isZero();
        assertThat(SegmentationMetrics.nsd(inner, outer, 6.0)).isEqualTo(1.0);
        BinaryMask shifted = Shapes.ball(iso, 33, 32, 32, 20);
        assertThat(SegmentationMetrics.nsd(shifted, outer, 1.0)).isBetween(0.9, 1.0);
    }

    @Test
    void emptyMasksFollowTheSpec() {
        BinaryMask empty = new BinaryMask(iso);
        BinaryMask ball = Shapes.ball(iso, 32, 32, 32, 5);
        assertThat(SegmentationMetrics.nsd(empty, empty)).isNaN();
        assertThat(SegmentationMetrics.nsd(ball, empty)).as("empty GT, non-empty prediction").isZero();
        assertThat(SegmentationMetrics.nsd(empty, ball)).isZero();
        assertThat(SegmentationMetrics.dice(empty, empty)).isNaN();
        assertThat(SegmentationMetrics.dice(ball, empty)).isZero();
        assertThat(SegmentationMetrics.hd95(empty, empty)).isNaN();
        assertThat(SegmentationMetrics.hd95(ball, empty)).isInfinite();
        assertThat(SegmentationMetrics.volumeError(ball, empty).relative()).isNaN();
    }

    @Test
    void theVolumeErrorIsPredictedMinusReference() {
        BinaryMask a = Shapes.block(iso, 0, 0, 0, 10, 10, 10);
        BinaryMask b = Shapes.block(iso, 0, 0, 0, 10, 10, 8);
        SegmentationMetrics.VolumeError e = SegmentationMetrics.volumeError(a, b);
        assertThat(e.absoluteMl()).isCloseTo(0.2, within(1e-12));
        assertThat(e.relative()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theSuvPeakOfAUniformHotBallIsItsValue() {
        BinaryMask hot = Shapes.ball(aniso, 40, 40, 20, 15);
        PetVolume pet = petWith(aniso, hot, 8.0f, 1.0f);
        SuvStatistics s = SuvStatistics.of(pet, hot);
        assertThat(s.suvPeak()).isCloseTo(8.0, within(1e-6));
        assertThat(s.suvMax()).isEqualTo(8.0);
        assertThat(s.suvMean()).isEqualTo(8.0);
        assertThat(s.tlg()).isCloseTo(8.0 * hot.volumeMl(), within(1e-9));
    }

    @Test
    void aLesionSmallerThanThePeakSphereHasAPeakBelowItsMaximum() {
        BinaryMask small = Shapes.ball(iso, 32, 32, 32, 3);
        PetVolume pet = petWith(iso, small, 10.0f, 1.0f);
        double peak = SuvStatistics.of(pet, small).suvPeak();
        assertThat(peak).isBetween(1.0, 10.0);
        // Mass balance: the sphere holds about 123 voxels of 1 mm³ (the ball) out of 1000.
        assertThat(peak).isCloseTo(1 + 9 * small.count() / 1000.0, within(0.3));
    }

    @Test
    void thePeakSphereHoldsOneCubicCentimetre() {
        java.util.List<int[]> offsets = new java.util.ArrayList<>();
        java.util.List<Double> weights = new java.util.ArrayList<>();
        SuvPeak.DEFAULT.kernel(new double[] {2.0, 2.0, 3.0}, offsets, weights);
        double voxelMm3 = 2.0 * 2.0 * 3.0;
        double volumeMm3 = weights.stream().mapToDouble(Double::doubleValue).sum() * voxelMm3;
        assertThat(volumeMm3).isCloseTo(1000.0, within(10.0));
    }

    @Test
    void lesionBurdenCountsTwoBallsAndMeasuresTheirCentroidDistance() {
        BinaryMask a = Shapes.ball(aniso, 20, 20, 10, 6);
        BinaryMask b = Shapes.ball(aniso, 60, 50, 30, 6);
        BinaryMask both = a.or(b);
        PetVolume pet = petWith(aniso, both, 5.0f, 0.5f);
        LesionBurden burden = LesionBurden.of(pet, both);
        assertThat(burden.lesionCount()).isEqualTo(2);
        double expected = Math.sqrt(Math.pow(40 * 0.8, 2) + Math.pow(30 * 0.8, 2) + Math.pow(20 * 2.0, 2));
        assertThat(burden.dmaxMm()).isCloseTo(expected, within(1e-9));
        assertThat(burden.totalMtvMl()).isCloseTo(both.volumeMl(), within(1e-12));
        assertThat(burden.totalTlg()).isCloseTo(5.0 * both.volumeMl(), within(1e-9));
    }

    @Test
    void anEmptyLesionMaskHasNoBurden() {
        LesionBurden burden = LesionBurden.of(petWith(iso, new BinaryMask(iso), 1f, 1f), new BinaryMask(iso));
        assertThat(burden.lesionCount()).isZero();
        assertThat(burden.dmaxMm()).isZero();
        assertThat(SuvStatistics.of(petWith(iso, new BinaryMask(iso), 1f, 1f), new BinaryMask(iso)).suvMean()).isNaN();
    }

    static PetVolume petWith(VolumeGeometry g, BinaryMask hot, float inside, float background) {
        float[] v = new float[Math.toIntExact(g.voxelCount())];
        java.util.Arrays.fill(v, background);
        hot.forEach((i, j, k) -> v[g.index(i, j, k)] = inside);
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }
}
