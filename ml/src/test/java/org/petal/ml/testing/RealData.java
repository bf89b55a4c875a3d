package org.petal.ml.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real public PET data that lives beside the checkout ({@code ../shared/data/real}). It is
 * never copied into the repository; a test that needs it is skipped, with the reason, when it is absent.
 */
public final class RealData {

    private RealData() {}

    /** The data root, from {@code -Dpetal.realData} (set by the build) or {@code ../shared/data/real}. */
    public static Path root() {
        String configured = System.getProperty("petal.realData");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data", "real");
    }

    /** Resolves a path under the data root, skipping the calling test if it does not exist. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), "real PET data not present at " + path.toAbsolutePath()
            + " (expected ../shared/data/real beside the checkout)");
        return path;
    }
}
