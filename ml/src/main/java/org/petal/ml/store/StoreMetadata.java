package org.petal.ml.store;

import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Contents of {@code store.json}: everything about a stored volume except its voxels.
 *
 * @param formatVersion bumped whenever the file layout changes
 * @param minValue      smallest voxel value
 * @param maxValue      largest voxel value
 * @param source        where the volume came from (file name or series description), for people
 */
public record StoreMetadata(int formatVersion, int nx, int ny, int nz, double[] spacing, double[] originLps,
                            double[] direction, PetUnit unit, SuvParameters suvParameters,
                            float minValue, float maxValue, long nonFiniteVoxels, String source) {

    public static final int CURRENT_FORMAT = 1;

    static StoreMetadata of(VolumeGeometry g, PetUnit unit, SuvParameters suv, float min, float max, String source,
                            long nonFinite) {
        return new StoreMetadata(CURRENT_FORMAT, g.nx(), g.ny(), g.nz(), g.spacing(), g.originLps(), g.direction(),
            unit, suv, min, max, nonFinite, source);
    }

    public VolumeGeometry geometry() {
        return new VolumeGeometry(nx, ny, nz, spacing, originLps, direction);
    }

    /** Offset and scale for {@link SliceImage#quantize}: the whole volume range maps onto 0..65535. */
    public float quantizationOffset() {
        return Math.min(minValue, 0f);
    }

    public float quantizationScale() {
        float range = maxValue - quantizationOffset();
        return range > 0 ? range / 65535f : 1f;
    }
}
