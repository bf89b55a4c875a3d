package org.petal.ml.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Test helper: the {@code Name_s = value} lines of an Iowa QuantitativeIndices reference file. */
final class ReferenceIndices {

    private ReferenceIndices() {}

    static Map<String, Double> read(Path file) throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] kv = line.split("=");
            if (kv.length == 2 && kv[0].trim().endsWith("_s")) {
                out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            }
        }
        return out;
    }
}
