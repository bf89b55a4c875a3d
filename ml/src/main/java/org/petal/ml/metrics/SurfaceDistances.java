package org.petal.ml.metrics;

import org.petal.ml.morph.BinaryMask;
import org.petal.ml.morph.DistanceTransform;
import org.petal.ml.morph.Surface;
import org.petal.ml.segment.Box;

/**
 * Directed distances between the surfaces of two masks, in mm: for every surface voxel of one mask (see
 * {@link Surface}), the distance from its centre to the nearest surface voxel centre of the other.
 */
public final class SurfaceDistances {

    private SurfaceDistances() {}

    /**
     * Distances from each surface voxel of {@code from} to the surface of {@code to}, in raster order of the
     * surface voxels; all infinite when {@code to} is empty, none when {@code from} is empty.
     */
    public static double[] directed(BinaryMask from, BinaryMask to) {
        from.requireSameGrid(to);
        return directedBetweenSurfaces(Surface.of(from), Surface.of(to));
    }

    static double[] directedBetweenSurfaces(BinaryMask fromSurface, BinaryMask toSurface) {
        double[] out = new double[Math.toIntExact(fromSurface.count())];
        if (out.length == 0) {
            return out;
        }
        // Every target voxel and every query voxel lie in this box, so the EDT inside it is exact.
        Box box = fromSurface.boundingBox().union(toSurface.boundingBox());
        boolean[] features = toSurface.toArray(box);
        float[] sq = DistanceTransform.squaredToFeatures(features, box.width(), box.height(), box.depth(),
            fromSurface.geometry().spacing());
        int[] n = {0};
        fromSurface.forEach((i, j, k) -> out[n[0]++] = Math.sqrt(sq[box.localIndex(i, j, k)]));
        return out;
    }

    /** The {@code p}-th percentile (0..100) with linear interpolation between order statistics (numpy's default). */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double position = p / 100.0 * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = position - lower;
        if (fraction == 0 || sorted[lower] == sorted[upper]) {
            return sorted[lower];
        }
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
