package org.petal.ml.phantom;

import java.util.SplittableRandom;

/**
 * Samples FDG uptake (SUVbw) per tissue. Ranges follow typical clinical whole-body FDG at 60 min: brain
 * 6–12, myocardium 1.5–12 (fasting suppresses it in about a third of patients, otherwise it is avid),
 * liver 1.8–3, spleen 1.4–2.4, kidneys 2–5, bladder urine 8–60, lungs 0.3–0.7, soft tissue 0.5–1, marrow
 * 1–2. Samples are drawn a little inside these ranges so that measured means, which carry noise and a
 * trace of spill-over, still fall inside them.
 */
final class UptakeModel {

    private UptakeModel() {}

    static Uptake sample(SplittableRandom rng) {
        double liver = rng.nextDouble(1.95, 2.85);
        double heart = rng.nextDouble() < 0.35 ? rng.nextDouble(1.7, 3.0) : rng.nextDouble(3.5, 11.5);
        double kidney = rng.nextDouble(2.3, 4.6);
        // Blood pool stays below liver, as in nearly all clinical scans (it is a reference region).
        double blood = Math.min(rng.nextDouble(1.4, 2.1), 0.9 * liver);
        return new Uptake(
            rng.nextDouble(7.0, 11.0),
            heart,
            liver,
            rng.nextDouble(1.55, 2.25),
            kidney * rng.nextDouble(0.92, 1.08),
            kidney * rng.nextDouble(0.92, 1.08),
            logUniform(rng, 9, 55),
            rng.nextDouble(0.38, 0.62),
            rng.nextDouble(1.15, 1.85),
            rng.nextDouble(0.55, 0.95),
            blood,
            rng.nextDouble(1.6, 2.8),
            rng.nextDouble(5.0, 8.0),
            rng.nextDouble(0.10, 0.20));
    }

    static double logUniform(SplittableRandom rng, double lo, double hi) {
        return lo * StrictMath.exp(rng.nextDouble() * StrictMath.log(hi / lo));
    }
}
