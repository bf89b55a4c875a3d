package org.petal.ml.io;

/** The bytes are damaged: truncated, bad compression stream, wrong magic number, impossible header values. */
public class CorruptFileException extends InvalidImageException {
    public CorruptFileException(String message) {
        super(message);
    }

    public CorruptFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
