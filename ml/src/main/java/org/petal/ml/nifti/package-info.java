/**
 * NIfTI import and export.
 *
 * <h2>What is read</h2>
 * <ul>
 *   <li>Single-file NIfTI-1 ({@code n+1}, 348-byte header) and NIfTI-2 ({@code n+2}, 540-byte header),
 *       plain or gzip-compressed. Compression is recognised by the gzip magic bytes, so a misnamed file
 *       still reads; {@code .hdr/.img} pairs are rejected with an explanation.</li>
 *   <li>Either byte order: the order in which {@code sizeof_hdr} reads as 348 or 540 is the file's order.</li>
 *   <li>Datatypes uint8, int16, uint16, int32, float32 and float64. Any other code is an
 *       {@link org.petal.ml.io.UnsupportedImageException} naming it (e.g. 32, complex64).</li>
 *   <li>One volume: {@code dim[0]} up to 3, or more when every size beyond the third is 1 (a 4D file with
 *       one time point). 1D and 2D images read as a single row or slice ({@code ny} or {@code nz} = 1).</li>
 *   <li>Scaling: value = stored · {@code scl_slope} + {@code scl_inter}, computed in double precision.
 *       A slope of 0, NaN or infinity means "no scaling" (intercept ignored), as the standard says;
 *       a non-finite intercept with a valid slope counts as 0.</li>
 *   <li>Extensions between the header and {@code vox_offset} are skipped. A {@code vox_offset} of 0 is
 *       taken as header size + 4 (a common writer mistake that nibabel repairs the same way).</li>
 * </ul>
 * The spatial unit in {@code xyzt_units} is reported but not applied: lengths are taken as millimetres,
 * as nibabel and virtually all PET tools do. {@code bitpix} is not trusted; the datatype decides.
 *
 * <h2>How the geometry is chosen</h2>
 * The voxel → RAS affine follows the standard's order of preference:
 * <ol>
 *   <li>{@code sform_code > 0}: the sform rows {@code srow_x/y/z} as stored (they may shear).</li>
 *   <li>else {@code qform_code > 0}: rotation from the quaternion (b, c, d) with a = √(1 − b² − c² − d²),
 *       times voxel sizes {@code pixdim[1..3]}, the third negated when {@code qfac = pixdim[0]} is negative,
 *       plus {@code qoffset_x/y/z}.</li>
 *   <li>else the standard's ANALYZE fallback: voxel sizes on the diagonal, first voxel at the origin.
 *       (nibabel differs here: it flips x and centres the grid; without orientation codes neither is
 *       meaningful, and Petal keeps to the standard.)</li>
 * </ol>
 * In the first two cases the result equals nibabel's {@code img.affine}. The chosen affine is converted
 * to Petal's LPS {@link org.petal.ml.volume.VolumeGeometry} by negating x and y.
 *
 * <h2>What is written</h2>
 * Little-endian NIfTI-1, float32 for PET and uint8/uint16 for labels, identity scaling, sform and (unless
 * the grid shears) qform both from the geometry with code 1 (scanner), spatial unit mm. {@code .nii.gz}
 * uses a fast deflate level. Files appear atomically.
 *
 * <h2>Errors</h2>
 * Everything that can reject a file — magic, sizes, datatype, the {@link org.petal.ml.io.VoxelBudget},
 * vox_offset and, for uncompressed files, the file length — is checked from the header before any voxel
 * array is allocated. Truncated or damaged gzip streams (including a bad CRC trailer) are
 * {@link org.petal.ml.io.CorruptFileException}s that say how many bytes were expected and found.
 */
package org.petal.ml.nifti;
