/**
 * Deterministic synthetic whole-body FDG PET cases with exact ground-truth labels: the bulk data for tests,
 * demos and training.
 *
 * <h2>Frame</h2>
 * Identity direction in LPS: {@code i} runs to the patient's left (+x), {@code j} posterior (+y), {@code k}
 * superior (+z). The field of view is 500 mm (x) × 350 mm (y) × 1000 mm (z); the grid has
 * {@code round(500/v) × round(350/v) × round(1000/v)} voxels of {@code v} mm, centred on x = y = 0, with the
 * first slice at z = 0 (mid-thigh) and the vertex near z = 986 mm.
 *
 * <h2>Pipeline</h2>
 * {@link org.petal.ml.phantom.AnatomyModel} samples a body and organ shapes, {@link org.petal.ml.phantom.UptakeModel}
 * samples organ SUVs and imaging parameters, {@link org.petal.ml.phantom.Painter} rasterises them into a
 * ground-truth SUV map and labels, {@link org.petal.ml.phantom.LesionPlacer} adds lesions,
 * {@link org.petal.ml.phantom.GaussianPsf} blurs and {@link org.petal.ml.phantom.ActivityNoise} adds noise.
 * Labels are the unblurred truth, so partial-volume loss shows in the PET but not in the labels.
 *
 * <h2>Determinism</h2>
 * Every random stage draws from its own {@link java.util.SplittableRandom} seeded from
 * {@code (seed, caseIndex, stage)} (see {@link org.petal.ml.phantom.Seeds}); noise uses one stream per slice,
 * so slices may be processed in parallel and still give bit-identical output. Transcendental functions in
 * random sampling use {@link java.lang.StrictMath} so results do not depend on JIT intrinsics.
 */
package org.petal.ml.phantom;
