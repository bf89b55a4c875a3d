package org.petal.ml.store;

/**
 * A slice as unsigned 16-bit levels for the wire: {@code value = offset + scale * (levels[n] & 0xFFFF)}.
 * Half the bytes of float32 with a quantization error of at most {@code scale / 2}.
 */
public record QuantizedSlice(int width, int height, short[] levels, float offset, float scale,
                             double spacingUMm, double spacingVMm) {

    public float value(int u, int v) {
        return offset + scale * (levels[u + width * v] & 0xFFFF);
    }
}
