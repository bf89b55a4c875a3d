package org.petal.segmentation;

import java.util.BitSet;
import org.petal.ml.segment.Box;

/**
 * The voxels one brush stroke covers: a box of the case grid (half-open, inside the volume) and, by their
 * index in box order, which of its voxels are covered. A bit per voxel of the box keeps a long stroke
 * cheap to hold in the undo history.
 */
record Footprint(Box box, BitSet voxels) {

    /** Sees a covered voxel; {@code n} counts covered voxels from 0 in box order. */
    @FunctionalInterface
    interface VoxelVisitor {
        void visit(int n, int i, int j, int k);
    }

    int count() {
        return voxels.cardinality();
    }

    boolean contains(int i, int j, int k) {
        return box.contains(i, j, k) && voxels.get(box.localIndex(i, j, k));
    }

    /** Visits the covered voxels in box order. */
    void forEach(VoxelVisitor visitor) {
        int w = box.width();
        int h = box.height();
        int n = 0;
        for (int at = voxels.nextSetBit(0); at >= 0; at = voxels.nextSetBit(at + 1), n++) {
            visitor.visit(n, box.i0() + at % w, box.j0() + (at / w) % h, box.k0() + at / (w * h));
        }
    }
}
