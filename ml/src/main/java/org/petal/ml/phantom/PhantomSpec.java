package org.petal.ml.phantom;

/**
 * What to generate. The same spec always yields bit-identical volumes.
 *
 * @param seed      dataset seed; cases of one dataset share it
 * @param caseIndex index of the case within the dataset (0-based); selects an independent patient
 * @param voxelMm   isotropic voxel size in mm (the grid size scales with 1/voxelMm); 4.0 is typical for PET
 * @param arms      whether the arms hang at the patient's sides (they are cut off by the 500 mm FOV edge
 *                  only in very broad patients)
 * @param noise     whether to add activity-dependent noise after the PSF blur (off: blurred truth only)
 */
public record PhantomSpec(long seed, int caseIndex, double voxelMm, boolean arms, boolean noise) {

    public static final double DEFAULT_VOXEL_MM = 4.0;

    public PhantomSpec {
        if (caseIndex < 0) {
            throw new IllegalArgumentException("case index must be >= 0: " + caseIndex);
        }
        if (!(voxelMm >= 1.0 && voxelMm <= 10.0)) {
            throw new IllegalArgumentException("voxel size must be within 1..10 mm: " + voxelMm);
        }
    }

    /** 4 mm voxels, arms, noise. */
    public static PhantomSpec of(long seed, int caseIndex) {
        return new PhantomSpec(seed, caseIndex, DEFAULT_VOXEL_MM, true, true);
    }

    public PhantomSpec withVoxelMm(double mm) {
        return new PhantomSpec(seed, caseIndex, mm, arms, noise);
    }

    public PhantomSpec withArms(boolean withArms) {
        return new PhantomSpec(seed, caseIndex, voxelMm, withArms, noise);
    }

    public PhantomSpec withNoise(boolean withNoise) {
        return new PhantomSpec(seed, caseIndex, voxelMm, arms, withNoise);
    }

    /** {@code phantom_0007} for case index 7: sorts naturally and is a safe file name. */
    public String caseId() {
        return String.format(java.util.Locale.ROOT, "phantom_%04d", caseIndex);
    }
}
