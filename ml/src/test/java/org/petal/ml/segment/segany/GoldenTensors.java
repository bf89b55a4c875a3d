package org.petal.ml.segment.segany;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code golden.json} and its raw little-endian float32 files (format petal-segany-golden v1). */
record GoldenTensors(Path dir, JsonNode manifest) {

    static GoldenTensors read(Path dir) throws IOException {
        JsonNode m = new ObjectMapper().readTree(dir.resolve("golden.json").toFile());
        if (!"petal-segany-golden".equals(m.path("format").asText()) || m.path("format_version").asInt() != 1) {
            throw new IOException(dir + " is not a version-1 petal-segany-golden directory");
        }
        return new GoldenTensors(dir, m);
    }

    float[] tensor(String name) throws IOException {
        JsonNode t = manifest.path("tensors").path(name);
        if (t.isMissingNode()) {
            throw new IOException("golden tensor " + name + " not in " + dir);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(t.path("file").asText()));
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    JsonNode steps() {
        return manifest.path("steps");
    }

    /** max |a − b| / max |b|: the relative error on logits the issue bounds by 1e-4. */
    static double relativeError(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double scale = 0;
        for (int n = 0; n < actual.length; n++) {
            diff = Math.max(diff, Math.abs((double) actual[n] - expected[n]));
            scale = Math.max(scale, Math.abs((double) expected[n]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
