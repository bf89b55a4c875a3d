package org.petal.ml.metrics;

import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.Surface;

/**
 * Overlap and surface metrics between a prediction and a reference (ground-truth) mask on the same grid.
 * Definitions, and how they differ from other tools, are in the package documentation.
 */
public final class SegmentationMetrics {

    /** The tolerance of the SegAnyPET / SAM-Med3D evaluation (spec §5): 1 mm. */
    public static final double DEFAULT_NSD_TOLERANCE_MM = 1.0;

    private SegmentationMetrics() {}

    /**
     * Dice similarity coefficient 2|P∩G| / (|P| + |G|). NaN when both masks are empty; 0 when exactly one is.
     */
    public static double dice(BinaryMask prediction, BinaryMask reference) {
        prediction.requireSameGrid(reference);
        long p = prediction.count();
        long g = reference.count();
        if (p + g == 0) {
            return Double.NaN;
        }
        long both = prediction.and(reference).count();
        return 2.0 * both / (p + g);
    }

    /**
     * Normalised surface distance (surface Dice) at tolerance τ mm: the share of surface voxels of either mask
     * that lie within τ of the other mask's surface, (|{g ∈ ∂G : d(g, ∂P) ≤ τ}| + |{p ∈ ∂P : d(p, ∂G) ≤ τ}|) /
     * (|∂G| + |∂P|). Surface elements are surface voxel centres with equal weight.
     *
     * <p>Empty reference: NaN when the prediction is empty too, otherwise 0 (spec §5). Empty prediction with a
     * non-empty reference: 0.
     */
    public static double nsd(BinaryMask prediction, BinaryMask reference, double toleranceMm) {
        prediction.requireSameGrid(reference);
        if (reference.isEmpty()) {
            return prediction.isEmpty() ? Double.NaN : 0.0;
        }
        if (prediction.isEmpty()) {
            return 0.0;
        }
        BinaryMask ps = Surface.of(prediction);
        BinaryMask gs = Surface.of(reference);
        double[] gToP = SurfaceDistances.directedBetweenSurfaces(gs, ps);
        double[] pToG = SurfaceDistances.directedBetweenSurfaces(ps, gs);
        return (double) (within(gToP, toleranceMm) + within(pToG, toleranceMm)) / (gToP.length + pToG.length);
    }

    public static double nsd(BinaryMask prediction, BinaryMask reference) {
        return nsd(prediction, reference, DEFAULT_NSD_TOLERANCE_MM);
    }

    /**
     * 95th-percentile Hausdorff distance in mm: the larger of the two directed 95th percentiles of surface
     * distances (prediction→reference and reference→prediction), percentiles interpolated linearly. NaN when
     * both masks are empty, +∞ when exactly one is (the distance to an empty set).
     */
    public static double hd95(BinaryMask prediction, BinaryMask reference) {
        return hausdorffPercentile(prediction, reference, 95);
    }

    /** As {@link #hd95} for any percentile in [0, 100]; 100 gives the Hausdorff distance. */
    public static double hausdorffPercentile(BinaryMask prediction, BinaryMask reference, double percentile) {
        prediction.requireSameGrid(reference);
        if (prediction.isEmpty() && reference.isEmpty()) {
            return Double.NaN;
        }
        if (prediction.isEmpty() || reference.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        BinaryMask ps = Surface.of(prediction);
        BinaryMask gs = Surface.of(reference);
        return Math.max(SurfaceDistances.percentile(SurfaceDistances.directedBetweenSurfaces(ps, gs), percentile),
            SurfaceDistances.percentile(SurfaceDistances.directedBetweenSurfaces(gs, ps), percentile));
    }

    /**
     * Volume error of the prediction in ml (predicted − reference) and relative to the reference
     * ((P − G) / G; NaN when the reference is empty).
     */
    public static VolumeError volumeError(BinaryMask prediction, BinaryMask reference) {
        prediction.requireSameGrid(reference);
        double p = prediction.volumeMl();
        double g = reference.volumeMl();
        return new VolumeError(p, g, p - g, g == 0 ? Double.NaN : (p - g) / g);
    }

    private static long within(double[] distances, double tolerance) {
        long n = 0;
        for (double d : distances) {
            if (d <= tolerance) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param predictedMl  predicted volume, ml
     * @param referenceMl  reference volume, ml
     * @param absoluteMl   predicted − reference, ml
     * @param relative     (predicted − reference) / reference; NaN for an empty reference
     */
    public record VolumeError(double predictedMl, double referenceMl, double absoluteMl, double relative) {}
}
