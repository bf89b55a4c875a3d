package org.petal.ml.dicom;

import org.petal.ml.io.InvalidImageException;

/** The slices of a series do not form an even stack: duplicate slice positions, or gaps where slices are missing (steps deviating more than 10% from the median step). The message says which files and where. */
public class MissingSlicesException extends InvalidImageException {
    public MissingSlicesException(String message) {
        super(message);
    }
}
