package org.petal.ml.io;

/**
 * The largest volume a reader may allocate, checked against header dimensions before any voxel is read,
 * so a forged header cannot make the server allocate gigabytes.
 *
 * @param maxVoxels upper bound on nx·ny·nz
 */
public record VoxelBudget(long maxVoxels) {

    /** 2^28 voxels (1 GiB as float32): four times a 400×400×326 whole-body PET. */
    public static final VoxelBudget DEFAULT = new VoxelBudget(1L << 28);

    public VoxelBudget {
        if (maxVoxels <= 0) {
            throw new IllegalArgumentException("voxel budget must be positive");
        }
    }

    /** Returns nx·ny·nz after checking each is positive, the product does not overflow and fits the budget. */
    public long check(long nx, long ny, long nz, String what) throws VolumeTooLargeException {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new VolumeTooLargeException(what + ": dimensions must be positive, got " + nx + "x" + ny + "x" + nz);
        }
        long count;
        try {
            count = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        } catch (ArithmeticException overflow) {
            throw new VolumeTooLargeException(what + ": dimensions " + nx + "x" + ny + "x" + nz + " overflow a voxel count");
        }
        if (count > maxVoxels) {
            throw new VolumeTooLargeException(what + ": " + nx + "x" + ny + "x" + nz + " = " + count
                + " voxels exceeds the limit of " + maxVoxels + " voxels (raise petal.maxVoxels if this volume is genuine)");
        }
        // Java arrays are int-indexed; beyond that the store must be used instead of a heap volume.
        if (count > Integer.MAX_VALUE - 8) {
            throw new VolumeTooLargeException(what + ": " + count + " voxels cannot be held in one array");
        }
        return count;
    }
}
