/**
 * Turning a user's PET file or DICOM series into a case's voxel store: format detection, unit decision,
 * streaming into {@link org.petal.ml.store.VoxelStoreWriter}. Nothing is left on disk when an import fails.
 */
package org.petal.ml.importing;
