package org.petal.ml.phantom;

/**
 * The skin surface: head, neck, torso with elliptical cross-sections that vary along z, thighs, and
 * optionally arms hanging at the sides. Reference dimensions are those of a ~1.7 m adult, in mm; a
 * {@link BodyFrame} scales them per case.
 */
final class BodyOutline {

    /** Torso cross-section along z (reference mm): height, semi-axis left-right, semi-axis front-back. */
    private static final double[][] TORSO = {
        {180, 160, 100},  // crotch
        {230, 172, 108},  // hips, greater trochanters
        {300, 165, 104},
        {360, 148, 100},  // iliac crest
        {430, 140, 98},   // waist
        {520, 148, 102},  // lower ribs
        {620, 155, 104},  // chest
        {690, 160, 96},   // shoulders
        {715, 145, 82},
        {735, 110, 62},
        {745, 70, 45},    // base of neck
    };
    static final double CROTCH_Z = 180;
    private static final double TORSO_TOP_Z = 745;
    private static final double THIGH_X = 85;
    /** Deltoid cap over the right or left shoulder (tested with |x|). */
    private static final Ellipsoid SHOULDER = new Ellipsoid(188, 0, 690, 46, 50, 48);

    private final BodyFrame frame;
    private final boolean arms;
    private final Ellipsoid head;
    private final Ellipsoid face;

    BodyOutline(BodyFrame frame, boolean arms) {
        this.frame = frame;
        this.arms = arms;
        // Built in reference coordinates; contains() maps world points back before testing.
        this.head = new Ellipsoid(0, 8, 882, 78, 98, 104);
        this.face = new Ellipsoid(0, -35, 812, 52, 52, 42);
    }

    /** Whether the world point (LPS mm) is inside the patient. */
    boolean contains(double x, double y, double z) {
        double rx = frame.refX(x), ry = frame.refY(y), rz = frame.refZ(z);
        if (rz >= 700) {
            if (head.contains(rx, ry, rz) || face.contains(rx, ry, rz)) {
                return true;
            }
            if (rz >= 715 && rz <= 835 && inEllipse(rx, ry - 12, 54, 56)) {
                return true;  // neck
            }
        }
        if (insideTorsoRef(rx, ry, rz, 0)) {
            return true;
        }
        if (rz <= CROTCH_Z + 35) {
            double grow = Math.max(0, rz) / (CROTCH_Z + 35);
            double a = 70 + 8 * grow, b = 76 + 8 * grow;
            if (inEllipse(Math.abs(rx) - THIGH_X, ry - 5, a, b)) {
                return true;
            }
        }
        return arms && inArm(rx, ry, rz);
    }

    /** Whether the world point lies in the torso at least {@code insetMm} (reference mm) inside its skin. */
    boolean insideTorso(double x, double y, double z, double insetMm) {
        return insideTorsoRef(frame.refX(x), frame.refY(y), frame.refZ(z), insetMm);
    }

    private boolean insideTorsoRef(double rx, double ry, double rz, double inset) {
        if (rz < CROTCH_Z || rz > TORSO_TOP_Z) {
            return false;
        }
        double[] s = torso(rz);
        double a = s[0] - inset, b = s[1] - inset;
        return a > 0 && b > 0 && inEllipse(rx, ry, a, b);
    }

    /** Half-width (reference mm) of the trunk or the thighs at height rz, where an arm rests against. */
    private double sideHalfWidth(double rz) {
        return rz >= CROTCH_Z ? torso(rz)[0] : THIGH_X + 78;
    }

    private boolean inArm(double rx, double ry, double rz) {
        double ax = Math.abs(rx);
        // Keep the arm inside the 500 mm field of view (world ±250 mm) even for broad patients.
        double maxOuter = 246 / frame.sxy();
        if (rz > 640 && SHOULDER.contains(ax, ry, rz) && ax <= maxOuter) {
            return true;  // shoulder cap (deltoid)
        }
        double r;
        double yc;
        double flat = 1;
        if (rz >= 450 && rz <= 700) {
            r = 38 + 6 * (rz - 450) / 250;  // upper arm
            yc = 0;
        } else if (rz >= 200 && rz < 450) {
            r = 30 + 8 * (rz - 200) / 250;  // forearm
            yc = -10;
        } else if (rz >= 110 && rz < 200) {
            r = 40;  // hand: flat, long front to back
            yc = -15;
            flat = 0.4;
        } else {
            return false;
        }
        double half = r * flat;
        double cx = Math.min(sideHalfWidth(rz) + half + 3, maxOuter - half);
        return inEllipse(ax - cx, ry - yc, half, r);
    }

    private static double[] torso(double rz) {
        for (int n = 1; n < TORSO.length; n++) {
            if (rz <= TORSO[n][0]) {
                double t = (rz - TORSO[n - 1][0]) / (TORSO[n][0] - TORSO[n - 1][0]);
                return new double[] {
                    TORSO[n - 1][1] + t * (TORSO[n][1] - TORSO[n - 1][1]),
                    TORSO[n - 1][2] + t * (TORSO[n][2] - TORSO[n - 1][2]),
                };
            }
        }
        return new double[] {TORSO[TORSO.length - 1][1], TORSO[TORSO.length - 1][2]};
    }

    private static boolean inEllipse(double u, double v, double a, double b) {
        double p = u / a, q = v / b;
        return p * p + q * q <= 1;
    }
}
