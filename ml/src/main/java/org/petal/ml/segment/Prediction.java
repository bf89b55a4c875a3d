package org.petal.ml.segment;

import java.util.List;

/**
 * A stitched prediction for one object.
 *
 * @param covered  union box of all windows predicted (outside it the object is empty)
 * @param mask     0/1 over {@code covered}
 * @param windows  the windows, in the order they were predicted
 * @param modelMs  milliseconds spent in the engine, summed over windows
 */
public record Prediction(Box covered, byte[] mask, List<Box> windows, double modelMs) {

    public static Prediction empty() {
        return new Prediction(Box.EMPTY, new byte[0], List.of(), 0);
    }
}
