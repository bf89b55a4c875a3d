package org.petal.ml.nifti;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import org.petal.ml.io.InvalidImageException;

/**
 * Converts chunks of raw voxels (already in the header's byte order) to scaled values. Works through
 * typed {@link ByteBuffer} views so each chunk is converted in one tight loop per datatype, never a
 * value at a time through a stream.
 */
final class VoxelDecoder {

    /** How far a label value may be from a whole number, e.g. 0.9999999 in a float 0/1 mask. */
    static final double LABEL_TOLERANCE = 1e-3;

    private final NiftiDatatype type;
    private final boolean scaled;
    private final double slope;
    private final double inter;
    private final int nx;
    private final int ny;
    private double[] scratch = new double[0];

    VoxelDecoder(NiftiHeader header) {
        this.type = header.datatype();
        this.scaled = header.hasScaling();
        this.slope = header.effectiveSlope();
        this.inter = header.effectiveInter();
        this.nx = header.nx();
        this.ny = header.ny();
    }

    /** Writes {@code count} scaled values as float32 to {@code dst[offset..]}. */
    void toFloats(ByteBuffer raw, float[] dst, int offset, int count) {
        // Scaling is done in double, like nibabel, and rounded to float once.
        switch (type) {
            case FLOAT32 -> {
                raw.asFloatBuffer().get(dst, offset, count); // bulk copy with byte swapping if needed
                if (scaled) {
                    for (int i = offset, end = offset + count; i < end; i++) {
                        dst[i] = (float) (dst[i] * slope + inter);
                    }
                }
            }
            case FLOAT64 -> {
                DoubleBuffer v = raw.asDoubleBuffer();
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) (v.get(i) * slope + inter);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) ((raw.get(i) & 0xFF) * slope + inter);
                }
            }
            case INT16 -> {
                ShortBuffer v = raw.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) (v.get(i) * slope + inter);
                }
            }
            case UINT16 -> {
                ShortBuffer v = raw.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) ((v.get(i) & 0xFFFF) * slope + inter);
                }
            }
            case INT32 -> {
                IntBuffer v = raw.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) (v.get(i) * slope + inter);
                }
            }
        }
    }

    /**
     * Writes {@code count} labels to {@code dst[offset..]}. Scaled values must be whole numbers (within
     * {@link #LABEL_TOLERANCE}) in 0..65535, so float 0/1 masks are accepted but probability maps are not.
     *
     * @param firstVoxel linear index of the first value, used to say where a bad value is
     */
    void toLabels(ByteBuffer raw, short[] dst, int offset, int count, long firstVoxel) throws InvalidImageException {
        if (scratch.length < count) {
            scratch = new double[count];
        }
        double[] v = scratch;
        // Double, not float: a float64 mask value must be judged before rounding to float can hide it.
        switch (type) {
            case FLOAT32 -> {
                FloatBuffer b = raw.asFloatBuffer();
                for (int i = 0; i < count; i++) {
                    v[i] = b.get(i);
                }
            }
            case FLOAT64 -> raw.asDoubleBuffer().get(v, 0, count);
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    v[i] = raw.get(i) & 0xFF;
                }
            }
            case INT16 -> {
                ShortBuffer b = raw.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    v[i] = b.get(i);
                }
            }
            case UINT16 -> {
                ShortBuffer b = raw.asShortBuffer();
                for (int i = 0; i < count; i++) {
                    v[i] = b.get(i) & 0xFFFF;
                }
            }
            case INT32 -> {
                IntBuffer b = raw.asIntBuffer();
                for (int i = 0; i < count; i++) {
                    v[i] = b.get(i);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            double x = scaled ? v[i] * slope + inter : v[i];
            double whole = Math.rint(x);
            if (!(Math.abs(x - whole) <= LABEL_TOLERANCE) || whole < 0 || whole > 0xFFFF) {
                throw notALabel(x, firstVoxel + i);
            }
            dst[offset + i] = (short) (int) whole;
        }
    }

    private InvalidImageException notALabel(double value, long index) {
        long i = index % nx;
        long j = (index / nx) % ny;
        long k = index / ((long) nx * ny);
        String why = Double.isNaN(value) ? "is NaN"
            : value < -LABEL_TOLERANCE || value > 0xFFFF + LABEL_TOLERANCE ? "is outside 0..65535" : "is not a whole number";
        return new InvalidImageException("not a label image: voxel (" + i + ", " + j + ", " + k + ") holds " + value
            + ", which " + why + "; labels and masks must hold whole numbers 0..65535 (e.g. 0/1)");
    }
}
