package org.petal.ml.io;

import java.io.IOException;

/**
 * Receives a volume's voxels as float values in storage order ({@code i} fastest), a chunk at a time,
 * so large files can be imported without holding a second full copy in memory.
 */
@FunctionalInterface
public interface VoxelSink {
    /**
     * @param firstVoxel linear index of {@code values[0]}
     * @param values     reusable buffer; only the first {@code count} entries are valid, and only during the call
     * @param count      number of valid values
     */
    void accept(long firstVoxel, float[] values, int count) throws IOException;
}
