package org.petal.ml.phantom;

import java.util.List;

/**
 * One patient's shapes, in world LPS millimetres. Labelled organs are {@link Solid}s; the diaphragm is a
 * height field that separates lungs (above) from liver and spleen (below).
 *
 * @param frame       reference → world scaling of this patient
 * @param body        skin surface
 * @param brain       cerebrum ∪ cerebellum
 * @param heartWall   left-ventricular myocardium (a thick ellipsoidal shell, open at the valve plane)
 * @param heartBlood  whole heart (chambers and blood), painted first so the wall sits in blood
 * @param aorta       aorta and common iliac arteries (blood pool, unlabelled)
 * @param glands      parotid and submandibular glands and tonsils (moderate uptake, unlabelled)
 */
record Anatomy(
    BodyFrame frame,
    BodyOutline body,
    Solid brain,
    Solid heartWall,
    Solid heartBlood,
    Solid liver,
    Solid spleen,
    Solid kidneyLeft,
    Solid kidneyRight,
    Solid bladder,
    Solid lungLeft,
    Solid lungRight,
    Solid spine,
    List<Capsule> aorta,
    List<Solid> glands,
    double rightDomeZ,
    double leftDomeZ) {

    /**
     * Height (world mm) of the diaphragm under the point (x, y): two domes, highest under the right
     * (liver) side, falling off laterally and steeply towards the back (the posterior costophrenic recess).
     */
    double diaphragmZ(double x, double y) {
        double rx = frame.refX(x), ry = frame.refY(y);
        double right = rightDomeZ - 0.006 * sq(rx + 65) - 0.0035 * sq(ry + 10);
        double left = leftDomeZ - 0.006 * sq(rx - 65) - 0.0035 * sq(ry + 10);
        return frame.z(Math.max(right, left));
    }

    private static double sq(double v) {
        return v * v;
    }
}
