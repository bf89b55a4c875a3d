package org.petal.cases.imports;

import org.petal.ml.io.InvalidImageException;

/**
 * A zip that Petal will not extract: not a zip, an entry escaping the target folder, or more entries or
 * bytes than allowed. An {@link InvalidImageException} so that it reaches the lead like any bad image.
 */
class ArchiveRefusedException extends InvalidImageException {
    ArchiveRefusedException(String message) {
        super(message);
    }

    ArchiveRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
