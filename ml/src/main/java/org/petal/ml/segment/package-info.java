/**
 * Interactive (promptable) 3D segmentation: the session API every engine sits behind, and the patch
 * framework that runs an engine on 128³ windows and stitches them.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Voxels are {@code (i, j, k)} in the volume's grid, {@code i} fastest (see
 *       {@code org.petal.ml.volume}).</li>
 *   <li>A {@link org.petal.ml.segment.Box} is half-open: {@code [i0, i1) × [j0, j1) × [k0, k1)}.</li>
 *   <li>Arrays over a box are indexed {@code (i - i0) + w * ((j - j0) + h * (k - k0))} with
 *       {@code w = i1 - i0}, {@code h = j1 - j0}: the same order as the volume, restricted to the box.</li>
 *   <li>Probabilities are foreground probabilities in [0, 1]; a voxel is foreground when its (averaged)
 *       probability is above 0.5.</li>
 * </ul>
 */
package org.petal.ml.segment;
