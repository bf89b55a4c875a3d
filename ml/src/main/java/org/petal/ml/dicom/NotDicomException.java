package org.petal.ml.dicom;

import org.petal.ml.io.InvalidImageException;

/** A file is not a DICOM Part-10 file (no "DICM" marker after the 128-byte preamble). The message says which files and where. */
public class NotDicomException extends InvalidImageException {
    public NotDicomException(String message) {
        super(message);
    }
}
