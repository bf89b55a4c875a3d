/**
 * Simulated clicks for evaluating the refinement loop (SegAnyPET spec §3.2) and the objects they are
 * evaluated on.
 *
 * <ul>
 *   <li>{@link org.petal.ml.clicks.ClickRule#CENTER}: deterministic centre clicks (largest component, maximal
 *       inside distance in mm). Not the SAM-Med3D protocol; a reproducible, seed-free baseline.</li>
 *   <li>{@link org.petal.ml.clicks.ClickRule#RANDOM}: SAM-Med3D {@code infer_utils}: uniform in the target,
 *       then uniform in FN ∪ FP. Difference: with no error left we return no click, where {@code infer_utils}
 *       falls back to a random target voxel. Random numbers come from {@link java.util.SplittableRandom}, so
 *       the voxels differ from numpy's for the same seed; only the distribution matches.</li>
 *   <li>{@link org.petal.ml.clicks.ClickRule#RITM}: the old {@code val_old.py} rule. Difference: distances are
 *       in mm with the grid's spacing (the original used voxel units on its 1.5 mm isotropic grid, where the
 *       two agree up to scale).</li>
 * </ul>
 *
 * <p>{@link org.petal.ml.clicks.EvaluationObjects}: an organ label is one object; a lesion label gives one
 * object per 26-connected component.
 */
package org.petal.ml.clicks;
