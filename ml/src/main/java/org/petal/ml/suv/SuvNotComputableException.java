package org.petal.ml.suv;

import org.petal.ml.io.InvalidImageException;

/**
 * The PET header does not allow an SUV scale factor to be computed, or its values contradict each other.
 * The message names the DICOM attribute (keyword and tag) that is missing or wrong, so the person who
 * supplied the series can fix it; a guessed factor is never returned instead.
 */
public class SuvNotComputableException extends InvalidImageException {
    public SuvNotComputableException(String message) {
        super(message);
    }
}
