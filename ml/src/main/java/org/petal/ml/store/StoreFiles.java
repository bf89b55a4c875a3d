package org.petal.ml.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File names inside a store directory and the JSON mapper for its metadata. */
final class StoreFiles {

    static final String PET = "pet.f32";
    static final String MIP_CORONAL = "mip-coronal.f32";
    static final String MIP_SAGITTAL = "mip-sagittal.f32";
    static final String METADATA = "store.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StoreFiles() {}

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: this only runs while cleaning up after another failure
        }
    }
}
