package org.petal.ml.segment.segany;

/** A click in crop voxel coordinates (the network's point input), include or exclude. */
record CropClick(int i, int j, int k, boolean include) {

    static CropClick at(int[] q, boolean include) {
        return new CropClick(q[0], q[1], q[2], include);
    }
}
