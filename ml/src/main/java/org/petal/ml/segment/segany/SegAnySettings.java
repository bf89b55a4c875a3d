package org.petal.ml.segment.segany;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the {@code segany} engine runs.
 *
 * @param modelDir       directory with {@code encoder.pt}, {@code decoder.pt} and {@code model-info.json}
 * @param device         {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param predictors     size of the predictor pool: how many windows may run the network at once
 * @param embeddingCache how many image embeddings (one per crop) are kept for later clicks
 */
public record SegAnySettings(Path modelDir, String device, int predictors, int embeddingCache) {

    /** Where the model trained here is shipped, relative to the repository root. */
    public static final Path SHIPPED_MODEL = Path.of("ml", "models", "segany-small");

    public SegAnySettings {
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(device, "device");
        if (!device.equals("cpu") && !device.matches("gpu(:\\d+)?")) {
            throw new IllegalArgumentException("segany device must be cpu, gpu or gpu:N, not '" + device + "'");
        }
        if (predictors < 1 || embeddingCache < 1) {
            throw new IllegalArgumentException("segany needs at least one predictor and one cached embedding");
        }
    }

    public static SegAnySettings cpu(Path modelDir) {
        return new SegAnySettings(modelDir, "cpu", 1, 8);
    }

    /**
     * From system properties, then environment variables, then defaults:
     * {@code petal.segany.model} / {@code PETAL_SEGANY_MODEL} (default the shipped model),
     * {@code petal.segany.device} / {@code PETAL_SEGANY_DEVICE} (default {@code cpu}),
     * {@code petal.segany.predictors} / {@code PETAL_SEGANY_PREDICTORS} (default 1).
     */
    public static SegAnySettings fromEnvironment() {
        return new SegAnySettings(
            Path.of(setting("petal.segany.model", "PETAL_SEGANY_MODEL", SHIPPED_MODEL.toString())),
            setting("petal.segany.device", "PETAL_SEGANY_DEVICE", "cpu"),
            Integer.parseInt(setting("petal.segany.predictors", "PETAL_SEGANY_PREDICTORS", "1")),
            8);
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
