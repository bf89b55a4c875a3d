package org.petal.ml.importing;

import java.util.List;
import org.petal.ml.store.VoxelStore;

/**
 * A finished import.
 *
 * @param store    the committed voxel store
 * @param format   "NIfTI" or "DICOM"
 * @param warnings what the user should know (unit not SUV, skipped files)
 */
public record ImportResult(VoxelStore store, String format, List<String> warnings) {
}
