package org.petal.ml.io;

/** A well-formed file that Petal does not read (e.g. a compressed DICOM transfer syntax, complex voxels). */
public class UnsupportedImageException extends InvalidImageException {
    public UnsupportedImageException(String message) {
        super(message);
    }
}
