package org.petal.cases.slices;

import java.util.Arrays;
import org.petal.ml.store.SliceImage;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.volume.VolumeGeometry;

/**
 * A volume reduced by an integer factor per axis, each downsampled voxel the <b>maximum</b> of its block,
 * quantized to unsigned 16 bit: {@code value = offset + scale * (levels[a + mx*(b + my*c)] & 0xFFFF)}.
 *
 * <p>Downsampled voxel {@code (a, b, c)} covers source voxels {@code [a*fx, min((a+1)*fx, nx))} along i (and
 * likewise along j, k); the last block of an axis is short when the factor does not divide the size. The
 * factor per axis is the smallest that brings that axis to at most {@code maxSize}, so each axis keeps as much
 * detail as the cap allows (voxels may become less isotropic; the spacing says by how much).
 *
 * <p>Maximum, not mean: the volume is for a 3D overview where hot lesions must stay visible. A lesion of
 * one or two source voxels averaged over a 2×2×4 block would keep an eighth of its contrast and vanish into
 * the background; its maximum keeps its SUVmax. The price is a slightly brighter, noisier background,
 * which a display transfer function hides. Non-finite voxels are ignored (a block of only NaN is level 0).
 *
 * @param spacingMm spacing of the downsampled grid along i, j, k: factor × source spacing
 */
record DownsampledVolume(int mx, int my, int mz, int fx, int fy, int fz, double[] spacingMm,
                         float offset, float scale, short[] levels) {

    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 256;

    /** The smallest integer factor that brings {@code size} voxels to at most {@code maxSize}. */
    static int factor(int size, int maxSize) {
        return (size + maxSize - 1) / maxSize;
    }

    /**
     * One pass over the store, an axial slice at a time; quantized with the store's own offset and scale, so
     * levels compare with those of the slice frames of the same case.
     */
    static DownsampledVolume blockMax(VoxelStore store, int maxSize) {
        if (maxSize < MIN_SIZE || maxSize > MAX_SIZE) {
            throw new IllegalArgumentException("maxSize must be " + MIN_SIZE + ".." + MAX_SIZE + ", was " + maxSize);
        }
        VolumeGeometry g = store.geometry();
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int fx = factor(nx, maxSize), fy = factor(ny, maxSize), fz = factor(nz, maxSize);
        int mx = (nx + fx - 1) / fx, my = (ny + fy - 1) / fy, mz = (nz + fz - 1) / fz;
        float offset = store.metadata().quantizationOffset();
        float scale = store.metadata().quantizationScale();
        short[] levels = new short[Math.multiplyExact(Math.multiplyExact(mx, my), mz)];
        float[] slab = new float[mx * my];
        for (int c = 0; c < mz; c++) {
            Arrays.fill(slab, Float.NEGATIVE_INFINITY);
            for (int k = c * fz; k < Math.min((c + 1) * fz, nz); k++) {
                float[] values = store.axial(k).values();
                for (int j = 0; j < ny; j++) {
                    int row = mx * (j / fy);
                    int from = nx * j;
                    for (int i = 0; i < nx; i++) {
                        float v = values[from + i];
                        // '>' is false for NaN, so a non-finite voxel never wins (Math.max would return NaN).
                        if (v > slab[row + i / fx]) {
                            slab[row + i / fx] = v;
                        }
                    }
                }
            }
            short[] q = new SliceImage(mx, my, slab, 1, 1).quantize(offset, scale).levels();
            System.arraycopy(q, 0, levels, mx * my * c, q.length);
        }
        double[] spacing = {g.spacing(0) * fx, g.spacing(1) * fy, g.spacing(2) * fz};
        return new DownsampledVolume(mx, my, mz, fx, fy, fz, spacing, offset, scale, levels);
    }

    float value(int a, int b, int c) {
        return offset + scale * (levels[a + mx * (b + my * c)] & 0xFFFF);
    }
}
