package org.petal.ml.io;

/** The declared dimensions exceed the configured voxel budget or overflow. */
public class VolumeTooLargeException extends InvalidImageException {
    public VolumeTooLargeException(String message) {
        super(message);
    }
}
