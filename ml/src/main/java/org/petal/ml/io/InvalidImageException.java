package org.petal.ml.io;

import java.io.IOException;

/** A file or series cannot be used as an image. The message is meant for the user who supplied it. */
public class InvalidImageException extends IOException {
    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
