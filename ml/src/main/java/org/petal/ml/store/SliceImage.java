package org.petal.ml.store;

/**
 * A 2D float image cut or projected from a volume: {@code values[u + width * v]}.
 *
 * @param width          number of columns (u)
 * @param height         number of rows (v)
 * @param values         voxel values in the volume's unit (SUV when the volume is SUV)
 * @param spacingUMm     physical size of one column step in mm
 * @param spacingVMm     physical size of one row step in mm
 */
public record SliceImage(int width, int height, float[] values, double spacingUMm, double spacingVMm) {

    public SliceImage {
        if (values.length != width * height) {
            throw new IllegalArgumentException("values hold " + values.length + ", image needs " + width * height);
        }
    }

    public float get(int u, int v) {
        return values[u + width * v];
    }

    public float max() {
        float max = Float.NEGATIVE_INFINITY;
        for (float f : values) {
            max = Math.max(max, f);
        }
        return max;
    }

    /**
     * Quantizes to unsigned 16 bit with {@code value ≈ offset + scale * q}. Using the volume's range (not
     * the slice's) keeps one scale per case, so a client can cache and compare slices without rescaling.
     */
    public QuantizedSlice quantize(float offset, float scale) {
        short[] q = new short[values.length];
        float inv = 1f / scale;
        for (int n = 0; n < values.length; n++) {
            float level = (values[n] - offset) * inv + 0.5f;
            q[n] = (short) (level <= 0 ? 0 : level >= 65535 ? 65535 : (int) level);
        }
        return new QuantizedSlice(width, height, q, offset, scale, spacingUMm, spacingVMm);
    }
}
