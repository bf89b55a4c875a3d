/**
 * Binary morphology on the volume grid: {@link org.petal.ml.morph.BinaryMask} (bit-packed, stored over a
 * window such as its bounding box), connected components (6 or 26 connectivity, numbered by first voxel in
 * raster order), the exact anisotropic Euclidean distance transform (separable, Felzenszwalb–Huttenlocher,
 * distances between voxel centres in mm) and surface voxels (mask voxels with a face neighbour outside; the
 * volume border counts as outside).
 *
 * <p>Every algorithm works on a local array over the mask's bounding box plus a one-voxel margin, so cost
 * follows the object, not the 400×400×326 grid. Voxel order is the volume's ({@code i} fastest).
 */
package org.petal.ml.morph;
