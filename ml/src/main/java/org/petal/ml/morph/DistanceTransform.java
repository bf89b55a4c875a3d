package org.petal.ml.morph;

import org.petal.ml.segment.Box;

/**
 * Exact Euclidean distance transform on an anisotropic grid, in millimetres.
 *
 * <p>Separable squared EDT (Felzenszwalb &amp; Huttenlocher 2012): one pass per axis, each computing the lower
 * envelope of parabolas {@code f(q) + (s·(p − q))²} with the axis spacing {@code s} in mm. The result is the
 * exact squared distance between voxel centres. Cost is linear in the number of voxels of the box, so callers
 * restrict it to a bounding box plus margin.
 */
public final class DistanceTransform {

    private DistanceTransform() {}

    /**
     * Squared distance in mm² from every voxel of a {@code w×h×d} box to the nearest feature voxel of the
     * box, {@link Float#POSITIVE_INFINITY} when there is none. Exact as long as every feature that matters lies
     * in the box.
     *
     * @param feature one flag per voxel, box order ({@code i} fastest)
     * @param spacing voxel spacing along i, j, k in mm
     */
    public static float[] squaredToFeatures(boolean[] feature, int w, int h, int d, double[] spacing) {
        float[] g = new float[feature.length];
        for (int n = 0; n < g.length; n++) {
            g[n] = feature[n] ? 0f : Float.POSITIVE_INFINITY;
        }
        int longest = Math.max(w, Math.max(h, d));
        Line line = new Line(longest);
        // Along i: stride 1.
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                line.run(g, w * (j + h * k), 1, w, spacing[0]);
            }
        }
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < w; i++) {
                line.run(g, i + w * h * k, w, h, spacing[1]);
            }
        }
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                line.run(g, i + w * j, w * h, d, spacing[2]);
            }
        }
        return g;
    }

    /**
     * Inside distance: for every voxel of the mask, the distance in mm to the nearest voxel centre outside it;
     * 0 outside the mask. The volume border counts as outside (as if the volume were padded with background),
     * so a structure touching the border has its centre pulled inwards.
     */
    public static DistanceMap inside(BinaryMask mask) {
        Box box = mask.boundingBox().grow(1);
        if (mask.isEmpty()) {
            return new DistanceMap(Box.EMPTY, new float[0]);
        }
        boolean[] in = mask.toArray(box);
        boolean[] outside = new boolean[in.length];
        for (int n = 0; n < in.length; n++) {
            outside[n] = !in[n];
        }
        float[] sq = squaredToFeatures(outside, box.width(), box.height(), box.depth(), mask.geometry().spacing());
        for (int n = 0; n < sq.length; n++) {
            sq[n] = (float) Math.sqrt(sq[n]);
        }
        return new DistanceMap(box, sq);
    }

    /** Scratch buffers for the 1-D transform of one line (reused across lines). */
    private static final class Line {
        private final double[] f;
        private final double[] out;
        private final int[] v;
        private final double[] z;

        Line(int n) {
            f = new double[n];
            out = new double[n];
            v = new int[n];
            z = new double[n + 1];
        }

        void run(float[] g, int start, int stride, int n, double spacing) {
            double s2 = spacing * spacing;
            int finite = 0;
            for (int q = 0; q < n; q++) {
                f[q] = g[start + q * stride];
                if (f[q] != Double.POSITIVE_INFINITY) {
                    finite++;
                }
            }
            if (finite == 0 || finite == n && allZero(n)) {
                return;
            }
            // Lower envelope over the finite parabolas only: an infinite one never wins.
            int k = -1;
            for (int q = 0; q < n; q++) {
                if (f[q] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                double s = Double.NEGATIVE_INFINITY;
                while (k >= 0) {
                    int p = v[k];
                    s = ((f[q] + s2 * q * q) - (f[p] + s2 * p * p)) / (2 * s2 * (q - p));
                    if (s <= z[k]) {
                        k--;
                    } else {
                        break;
                    }
                }
                k++;
                v[k] = q;
                z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            int m = 0;
            for (int q = 0; q < n; q++) {
                while (z[m + 1] < q) {
                    m++;
                }
                double dq = q - v[m];
                out[q] = s2 * dq * dq + f[v[m]];
            }
            for (int q = 0; q < n; q++) {
                g[start + q * stride] = (float) out[q];
            }
        }

        private boolean allZero(int n) {
            for (int q = 0; q < n; q++) {
                if (f[q] != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
