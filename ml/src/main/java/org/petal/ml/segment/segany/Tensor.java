package org.petal.ml.segment.segany;

import java.util.Arrays;

/**
 * A float32 tensor as plain Java data, C-order (last dimension fastest): what crosses the boundary to
 * the TorchScript modules, so no native array outlives one call.
 */
record Tensor(float[] data, long[] shape) {

    Tensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
    }

    static Tensor of(float[] data, long... shape) {
        return new Tensor(data, shape);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
