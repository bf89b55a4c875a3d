package org.petal.ml.volume;

import java.util.Objects;
import java.util.Optional;

/**
 * A PET image held in memory: float32 voxels in the order documented in {@code package-info}, their
 * unit, and — when the values are SUV — the parameters that produced the SUV scale.
 *
 * <p>The voxel array is shared, not copied: callers that hand it over must not keep writing to it.
 */
public final class PetVolume {

    private final VolumeGeometry geometry;
    private final float[] voxels;
    private final PetUnit unit;
    private final SuvParameters suvParameters;

    public PetVolume(VolumeGeometry geometry, float[] voxels, PetUnit unit, SuvParameters suvParameters) {
        this.geometry = Objects.requireNonNull(geometry);
        this.voxels = Objects.requireNonNull(voxels);
        this.unit = Objects.requireNonNull(unit);
        this.suvParameters = suvParameters;
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException("voxel array holds " + voxels.length + " values, geometry needs " + geometry.voxelCount());
        }
    }

    public VolumeGeometry geometry() { return geometry; }

    /** The backing array, {@code i} fastest. */
    public float[] voxels() { return voxels; }

    public PetUnit unit() { return unit; }

    public Optional<SuvParameters> suvParameters() { return Optional.ofNullable(suvParameters); }

    public float get(int i, int j, int k) {
        return voxels[geometry.index(i, j, k)];
    }

    public PetVolume withUnit(PetUnit newUnit, SuvParameters parameters) {
        return new PetVolume(geometry, voxels, newUnit, parameters);
    }
}
