package org.petal.ml.segment.segany;

import java.nio.file.Path;

/**
 * A SegAnyPET model directory that cannot be used: missing, corrupt, or not what its model-info promises.
 * Raised when the engine is created, so a server starts with {@code suv-grow} alone and says why.
 */
public final class SegAnyModelException extends RuntimeException {

    public SegAnyModelException(Path dir, String problem) {
        super("segany model " + dir + ": " + problem);
    }

    public SegAnyModelException(Path dir, String problem, Throwable cause) {
        super("segany model " + dir + ": " + problem, cause);
    }
}
