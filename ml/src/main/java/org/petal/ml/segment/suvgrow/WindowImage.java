package org.petal.ml.segment.suvgrow;

import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * The SUV values of one window copied into a flat array (box order of {@code org.petal.ml.segment}), with
 * index arithmetic. Only the window is read: growth never looks outside it; neighbouring windows continue
 * through the framework's stitched probabilities.
 */
final class WindowImage {

    final Box box;
    final int w;
    final int h;
    final int d;
    final int n;
    /** Voxel spacing in mm along i, j, k. */
    final double sx;
    final double sy;
    final double sz;
    final float[] suv;
    private float[] smoothed;

    private WindowImage(Box box, double[] spacing, float[] suv) {
        this.box = box;
        this.w = box.width();
        this.h = box.height();
        this.d = box.depth();
        this.n = w * h * d;
        this.sx = spacing[0];
        this.sy = spacing[1];
        this.sz = spacing[2];
        this.suv = suv;
    }

    static WindowImage read(PetVolume volume, Box window, Scratch scratch) {
        Box b = window.intersect(Box.of(volume.geometry()));
        return read(volume, b, scratch.floats(0, b.width() * b.height() * b.depth()));
    }

    /**
     * The window with its own arrays and its smoothed values computed: an image that may be kept and shared
     * between threads (nothing writes into a window image's arrays).
     */
    static WindowImage readSmoothed(PetVolume volume, Box window) {
        Box b = window.intersect(Box.of(volume.geometry()));
        int n = b.width() * b.height() * b.depth();
        WindowImage img = read(volume, b, new float[n]);
        float[] out = new float[n];
        img.smooth(out, new float[n]);
        img.smoothed = out;
        return img;
    }

    private static WindowImage read(PetVolume volume, Box b, float[] dst) {
        VolumeGeometry g = volume.geometry();
        float[] src = volume.voxels();
        int w = b.width();
        int o = 0;
        for (int k = b.k0(); k < b.k1(); k++) {
            for (int j = b.j0(); j < b.j1(); j++) {
                System.arraycopy(src, g.index(b.i0(), j, k), dst, o, w);
                o += w;
            }
        }
        return new WindowImage(b, g.spacing(), dst);
    }

    /** Local index of a volume voxel, or −1 when it is outside the window. */
    int index(Voxel v) {
        return box.contains(v) ? box.localIndex(v.i(), v.j(), v.k()) : -1;
    }

    int index(int i, int j, int k) {
        return i + w * (j + h * k);
    }

    int i(int idx) { return idx % w; }
    int j(int idx) { return (idx / w) % h; }
    int k(int idx) { return idx / (w * h); }

    Voxel voxel(int idx) {
        return new Voxel(box.i0() + i(idx), box.j0() + j(idx), box.k0() + k(idx));
    }

    /** Squared distance in mm² between two local voxels. */
    double distance2Mm(int a, int b) {
        double di = (i(a) - i(b)) * sx;
        double dj = (j(a) - j(b)) * sy;
        double dk = (k(a) - k(b)) * sz;
        return di * di + dj * dj + dk * dk;
    }

    /**
     * The 3×3×3 mean of the window (edge voxels average over their in-window neighbours): the organ grow
     * decides on it so single noisy voxels neither stop nor leak the grow.
     */
    float[] smoothed(Scratch scratch) {
        if (smoothed == null) {
            float[] a = scratch.floats(1, n);
            smooth(a, scratch.floats(2, n));
            smoothed = a;
        }
        return smoothed;
    }

    /** The 3×3×3 mean into {@code out}, with {@code work} as the intermediate. */
    private void smooth(float[] out, float[] work) {
        boxPass(suv, out, 1, w);
        boxPass(out, work, w, h);
        boxPass(work, out, w * h, d);
    }

    /**
     * One separable 3-tap mean along the axis with the given stride and length (no per-voxel division).
     * For the j and k axes the innermost loop runs over the contiguous {@code stride} voxels of a row or
     * plane, so every pass streams through memory (the arithmetic, and so every bit of the result, is that
     * of the plain per-voxel formula).
     */
    private void boxPass(float[] in, float[] out, int stride, int len) {
        int block = stride * len;
        final float third = 1f / 3f;
        for (int base = 0; base < n; base += block) {
            if (len == 1) {
                System.arraycopy(in, base, out, base, stride);
                continue;
            }
            if (stride == 1) {
                int last = base + len - 1;
                out[base] = (in[base] + in[base + 1]) * 0.5f;
                for (int idx = base + 1; idx < last; idx++) {
                    out[idx] = (in[idx - 1] + in[idx] + in[idx + 1]) * third;
                }
                out[last] = (in[last - 1] + in[last]) * 0.5f;
                continue;
            }
            for (int s = base, end = base + stride; s < end; s++) {
                out[s] = (in[s] + in[s + stride]) * 0.5f;
            }
            for (int row = base + stride, lastRow = base + (len - 1) * stride; row < lastRow; row += stride) {
                for (int s = row, end = row + stride; s < end; s++) {
                    out[s] = (in[s - stride] + in[s] + in[s + stride]) * third;
                }
            }
            int lastRow = base + (len - 1) * stride;
            for (int s = lastRow, end = lastRow + stride; s < end; s++) {
                out[s] = (in[s - stride] + in[s]) * 0.5f;
            }
        }
    }
}
