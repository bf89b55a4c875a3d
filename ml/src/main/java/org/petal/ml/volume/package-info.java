/**
 * In-memory PET and label volumes and their geometry.
 *
 * <h2>Voxel index order (used everywhere in Petal)</h2>
 * A voxel is addressed as {@code (i, j, k)}: {@code i} runs along the first image axis (NIfTI dim[1],
 * DICOM columns), {@code j} along the second (NIfTI dim[2], DICOM rows), {@code k} along the third
 * (NIfTI dim[3], DICOM slices). Arrays are stored with {@code i} varying fastest:
 * {@code index = i + nx * (j + ny * k)}, which is the on-disk order of both NIfTI and DICOM pixel data,
 * so no transposition happens on import.
 *
 * <h2>World coordinates</h2>
 * World points are millimetres in DICOM patient coordinates (LPS: +x to the patient's left, +y posterior,
 * +z superior). RAS (NIfTI's convention) is LPS with x and y negated. {@link org.petal.ml.volume.VolumeGeometry}
 * converts between voxel and both world frames.
 *
 * <h2>Boxes</h2>
 * Boxes are half-open: {@code [min, max)} on each axis, in voxel indices.
 */
package org.petal.ml.volume;
