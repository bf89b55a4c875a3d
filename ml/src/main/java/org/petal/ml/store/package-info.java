/**
 * The on-disk voxel store of an imported case, read through memory mapping.
 *
 * <p>A store is a directory holding {@code pet.f32} (raw little-endian float32 in Petal's voxel order,
 * {@code i} fastest), the precomputed coronal and sagittal MIPs ({@code mip-coronal.f32},
 * {@code mip-sagittal.f32}) and {@code store.json} (geometry, unit, SUV provenance, value range).
 * Raw, uncompressed voxels make a slice a handful of bulk copies from the page cache: no per-request
 * decompression and no heap copy of the volume, however many cases a server has open. Stores are written
 * into a temporary sibling directory and renamed into place, so a failed import leaves nothing behind.
 *
 * <p>Slices and projections are returned in voxel axes, not display orientation: an axial slice is
 * indexed {@code [i + nx*j]}, a coronal slice {@code [i + nx*k]}, a sagittal slice {@code [j + ny*k]}.
 * Turning them head-up for a screen is the viewer's job, using the geometry.
 */
package org.petal.ml.store;
