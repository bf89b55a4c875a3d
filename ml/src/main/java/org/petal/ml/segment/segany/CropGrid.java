package org.petal.ml.segment.segany;

import java.util.Arrays;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Where the network's P³ crop at the model spacing (SegAnyPET: 128³ at 1.5 mm) lies in a volume, and the
 * two resamplings between them (spec §2.1–§2.3).
 *
 * <p>The crop is a block of the volume resampled on torchio's grid: along an axis of spacing {@code s},
 * resampled voxel {@code m} sits at continuous volume index {@code off + m·r} with {@code r = t/s} and
 * {@code off = (r − 1)/2} (the two grids share their outer field-of-view corner). The crop takes P
 * consecutive resampled voxels {@code m0 … m0+P−1}, chosen so that the centre of the volume-grid window
 * falls on crop index P/2. Axes stay in the volume's index order (i, j, k), as the network was trained.
 *
 * <p>Tensor layout: crop buffers are C-order over (i, j, k), so k runs fastest — the opposite of the
 * volume arrays, where i runs fastest.
 */
final class CropGrid {

    private final VolumeGeometry geometry;
    private final int size;
    private final double[] ratio = new double[3];
    private final double[] offset = new double[3];
    private final int[] start = new int[3];

    private CropGrid(VolumeGeometry geometry, int size, double spacingMm, int[] centre2) {
        this.geometry = geometry;
        this.size = size;
        for (int a = 0; a < 3; a++) {
            ratio[a] = spacingMm / geometry.spacing(a);
            offset[a] = 0.5 * (ratio[a] - 1);
            double centre = centre2[a] / 2.0;
            start[a] = (int) Math.round((centre - offset[a]) / ratio[a]) - size / 2;
        }
    }

    /** The crop centred on the middle of a volume-grid window. */
    static CropGrid centredOn(VolumeGeometry g, Box window, int size, double spacingMm) {
        int[] twiceCentre = {window.i0() + window.i1() - 1, window.j0() + window.j1() - 1, window.k0() + window.k1() - 1};
        return new CropGrid(g, size, spacingMm, twiceCentre);
    }

    /** Volume-grid voxels the crop spans along each axis (what the sliding window should use as its window). */
    static int[] windowSize(VolumeGeometry g, int size, double spacingMm) {
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            out[a] = Math.max(1, (int) Math.round(size * spacingMm / g.spacing(a)));
        }
        return out;
    }

    int size() {
        return size;
    }

    /** First resampled-grid index of the crop on each axis: identifies the crop within its volume. */
    int[] start() {
        return start.clone();
    }

    /** The crop voxel nearest to a volume voxel on each axis, or null when it falls outside the crop. */
    int[] cropVoxel(Voxel v) {
        int[] q = {nearest(0, v.i()), nearest(1, v.j()), nearest(2, v.k())};
        return q[0] < 0 || q[1] < 0 || q[2] < 0 ? null : q;
    }

    private int nearest(int axis, int volumeIndex) {
        long q = Math.round((volumeIndex - offset[axis]) / ratio[axis]) - start[axis];
        return q < 0 || q >= size ? -1 : (int) q;
    }

    /**
     * Trilinear samples of the volume at the crop voxels, C-order (k fastest). Points outside the hull of
     * voxel centres read 0, as SimpleITK's resampler pads.
     */
    float[] sample(PetVolume volume) {
        Axis[] axes = new Axis[3];
        int[] n = {geometry.nx(), geometry.ny(), geometry.nz()};
        for (int a = 0; a < 3; a++) {
            axes[a] = Axis.linear(size, n[a], offset[a] + start[a] * ratio[a], ratio[a]);
        }
        float[] src = volume.voxels();
        int nx = n[0];
        int plane = n[0] * n[1];
        float[] out = new float[size * size * size];
        Axis ai = axes[0];
        Axis aj = axes[1];
        Axis ak = axes[2];
        int o = 0;
        for (int qi = 0; qi < size; qi++) {
            for (int qj = 0; qj < size; qj++) {
                if (!ai.valid[qi] || !aj.valid[qj]) {
                    o += size;
                    continue;
                }
                int i0 = ai.lo[qi], i1 = ai.hi[qi];
                float wi = ai.weight[qi];
                int j0 = aj.lo[qj] * nx, j1 = aj.hi[qj] * nx;
                float wj = aj.weight[qj];
                for (int qk = 0; qk < size; qk++, o++) {
                    if (!ak.valid[qk]) {
                        continue;
                    }
                    int k0 = ak.lo[qk] * plane, k1 = ak.hi[qk] * plane;
                    float wk = ak.weight[qk];
                    float c00 = lerp(src[i0 + j0 + k0], src[i1 + j0 + k0], wi);
                    float c10 = lerp(src[i0 + j1 + k0], src[i1 + j1 + k0], wi);
                    float c01 = lerp(src[i0 + j0 + k1], src[i1 + j0 + k1], wi);
                    float c11 = lerp(src[i0 + j1 + k1], src[i1 + j1 + k1], wi);
                    out[o] = lerp(lerp(c00, c10, wj), lerp(c01, c11, wj), wk);
                }
            }
        }
        return out;
    }

    /**
     * Foreground probabilities over a volume-grid window from the network's low-res logits (L³, C-order):
     * the logits are upsampled to the crop trilinearly (align_corners=False, as the reference) and each
     * volume voxel takes the crop voxel nearest to it (the reference's nearest-neighbour return to the
     * original grid); voxels the crop does not cover get 0.
     */
    float[] probabilities(float[] lowRes, int lowResSize, Box window) {
        Axis up = Axis.upsample(size, lowResSize);  // the crop is a cube: one axis serves all three
        int[][] q = {
            nearestAll(0, window.i0(), window.width()),
            nearestAll(1, window.j0(), window.height()),
            nearestAll(2, window.k0(), window.depth())};
        float[] out = new float[Math.toIntExact(window.voxelCount())];
        int l2 = lowResSize * lowResSize;
        int o = 0;
        for (int k = 0; k < window.depth(); k++) {
            int qk = q[2][k];
            for (int j = 0; j < window.height(); j++) {
                int qj = q[1][j];
                for (int i = 0; i < window.width(); i++, o++) {
                    int qi = q[0][i];
                    if (qi < 0 || qj < 0 || qk < 0) {
                        continue;
                    }
                    int i0 = up.lo[qi] * l2, i1 = up.hi[qi] * l2;
                    int j0 = up.lo[qj] * lowResSize, j1 = up.hi[qj] * lowResSize;
                    int k0 = up.lo[qk], k1 = up.hi[qk];
                    float wk = up.weight[qk];
                    float c00 = lerp(lowRes[i0 + j0 + k0], lowRes[i0 + j0 + k1], wk);
                    float c01 = lerp(lowRes[i0 + j1 + k0], lowRes[i0 + j1 + k1], wk);
                    float c10 = lerp(lowRes[i1 + j0 + k0], lowRes[i1 + j0 + k1], wk);
                    float c11 = lerp(lowRes[i1 + j1 + k0], lowRes[i1 + j1 + k1], wk);
                    float logit = lerp(lerp(c00, c01, up.weight[qj]), lerp(c10, c11, up.weight[qj]), up.weight[qi]);
                    out[o] = (float) (1.0 / (1.0 + Math.exp(-logit)));
                }
            }
        }
        return out;
    }

    private int[] nearestAll(int axis, int from, int count) {
        int[] out = new int[count];
        for (int n = 0; n < count; n++) {
            out[n] = nearest(axis, from + n);
        }
        return out;
    }

    private static float lerp(float a, float b, float w) {
        return a + (b - a) * w;
    }

    /** Per output index along one axis: the two source indices, the weight of the second, and validity. */
    private record Axis(int[] lo, int[] hi, float[] weight, boolean[] valid) {

        /** Samples at {@code first + q·step} of a source of {@code n} voxel centres; outside [0, n−1] is invalid. */
        static Axis linear(int count, int n, double first, double step) {
            Axis a = new Axis(new int[count], new int[count], new float[count], new boolean[count]);
            for (int q = 0; q < count; q++) {
                double x = first + q * step;
                if (x < 0 || x > n - 1) {
                    continue;
                }
                int lo = (int) Math.floor(x);
                a.lo[q] = lo;
                a.hi[q] = Math.min(lo + 1, n - 1);
                a.weight[q] = (float) (x - lo);
                a.valid[q] = true;
            }
            return a;
        }

        /** PyTorch's trilinear upsampling from {@code in} to {@code out} samples, align_corners=False. */
        static Axis upsample(int out, int in) {
            Axis a = new Axis(new int[out], new int[out], new float[out], new boolean[out]);
            float scale = (float) in / out;
            for (int q = 0; q < out; q++) {
                float src = Math.max(0f, scale * (q + 0.5f) - 0.5f);
                int lo = (int) src;
                a.lo[q] = lo;
                a.hi[q] = lo < in - 1 ? lo + 1 : lo;
                a.weight[q] = src - lo;
                a.valid[q] = true;
            }
            return a;
        }
    }

    @Override
    public String toString() {
        return "crop " + size + "³ from " + Arrays.toString(start);
    }
}
