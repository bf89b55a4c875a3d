package org.petal.ml.dataset;

import org.petal.ml.io.InvalidImageException;

/** A dataset directory or its metadata cannot be used. The message names the file and, where known, the line. */
public class InvalidDatasetException extends InvalidImageException {
    public InvalidDatasetException(String message) {
        super(message);
    }

    public InvalidDatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
