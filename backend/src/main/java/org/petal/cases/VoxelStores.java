package org.petal.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.volume.PetVolume;
import org.springframework.stereotype.Component;

/**
 * Open voxel stores, kept in a small LRU: opening maps the files, and a viewer asks for many slices of the
 * same case. Stores are immutable once written, so a cached one never goes stale.
 */
@Component
class VoxelStores {

    private static final int CAPACITY = 16;

    private final Map<Path, VoxelStore> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, VoxelStore> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized VoxelStore open(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        VoxelStore s = open.get(key);
        if (s == null) {
            try {
                s = VoxelStore.open(key);
            } catch (IOException e) {
                throw CaseService.unreadable(key, e);
            }
            open.put(key, s);
        }
        return s;
    }

    /** The whole volume; {@code suvScale} ≠ 1 multiplies every value (a lead's SUV correction). */
    PetVolume volume(Path directory, double suvScale) {
        PetVolume v = open(directory).readVolume();
        if (suvScale == 1.0) {
            return v;
        }
        float[] values = v.voxels().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= (float) suvScale;
        }
        return new PetVolume(v.geometry(), values, v.unit(), v.suvParameters().orElse(null));
    }
}
