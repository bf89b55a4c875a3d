package org.petal.ml.morph;

import java.util.Optional;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;

/** Distances in mm over a box (box order); voxels outside the box read as 0. */
public record DistanceMap(Box box, float[] distancesMm) {

    public double get(int i, int j, int k) {
        return box.contains(i, j, k) ? distancesMm[box.localIndex(i, j, k)] : 0;
    }

    /**
     * The voxel of {@code mask} with the largest distance; among equals the first in raster order, so the
     * answer is deterministic. Empty for an empty mask.
     */
    public Optional<Voxel> argMax(BinaryMask mask) {
        Voxel[] best = {null};
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        mask.forEach((i, j, k) -> {
            double value = get(i, j, k);
            if (value > bestValue[0]) {
                bestValue[0] = value;
                best[0] = new Voxel(i, j, k);
            }
        });
        return Optional.ofNullable(best[0]);
    }

    /** The largest distance over the voxels of {@code mask} (0 for an empty mask). */
    public double max(BinaryMask mask) {
        double[] max = {0};
        mask.forEach((i, j, k) -> max[0] = Math.max(max[0], get(i, j, k)));
        return max[0];
    }
}
