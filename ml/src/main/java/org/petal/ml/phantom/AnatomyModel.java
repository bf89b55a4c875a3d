package org.petal.ml.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples one patient's anatomy: a reference adult (positions in mm, LPS, z above the field of view's
 * bottom) with per-case body scaling of a few percent and per-organ jitter of position (±4–8 mm) and size
 * (±10 %). Patient's right is −x: the liver sits at negative x, the spleen and heart apex at positive x.
 */
final class AnatomyModel {

    private AnatomyModel() {}

    static Anatomy sample(SplittableRandom rng, boolean arms) {
        BodyFrame f = new BodyFrame(rng.nextDouble(0.92, 1.05), rng.nextDouble(0.96, 1.02));
        BodyOutline body = new BodyOutline(f, arms);
        J j = new J(rng);

        // Brain: cerebrum over a smaller cerebellum, posterior-inferior.
        double brainS = j.size(0.05);
        Solid brain = Solid.union(List.of(
            f.ellipsoid(j.pos(0, 2), j.pos(5, 3), j.pos(900, 3), 66 * brainS, 82 * brainS, 58 * brainS),
            f.ellipsoid(0, 48, 846, 48 * brainS, 30 * brainS, 24 * brainS)));

        // Heart: long axis tilted to the patient's left, anterior and inferior; the LV wall is 11–14 mm.
        double hx = j.pos(28, 5), hy = j.pos(-30, 4), hz = j.pos(590, 6);
        double hs = j.size(0.08);
        double tiltY = j.pos(-40, 8), turnZ = j.pos(30, 8);
        Solid heartBlood = f.ellipsoid(hx - 12, hy + 4, hz + 8, 54 * hs, 46 * hs, 60 * hs, 0, tiltY, turnZ);
        double la = 38 * hs, lb = 34 * hs, lc = 50 * hs, wall = rng.nextDouble(11, 14);
        Ellipsoid lvOuter = f.ellipsoid(hx + 6, hy, hz - 6, la, lb, lc, 0, tiltY, turnZ);
        Ellipsoid lvInner = f.ellipsoid(hx + 6, hy, hz - 6, la - wall, lb - wall, lc - wall, 0, tiltY, turnZ);
        // The valve plane: the basal part of the LV has no myocardium (approximated by a horizontal cut).
        double valveZ = f.z(hz - 6 + 0.45 * lc);
        Solid heartWall = lvOuter.minus(lvInner).minus(new Solid() {
            @Override
            public double rho(double x, double y, double z) {
                return z > valveZ ? 0 : 2;
            }

            @Override
            public Box bounds() { return lvOuter.bounds(); }
        });

        // Liver: large right lobe under the right dome plus a left lobe crossing the midline anteriorly.
        double ls = j.size(0.1);
        Solid liver = Solid.union(List.of(
            f.ellipsoid(j.pos(-72, 6), j.pos(5, 6), j.pos(500, 6), 88 * ls, 88 * ls, 72 * ls, 0, 0, -10),
            f.ellipsoid(j.pos(5, 6), j.pos(-45, 5), j.pos(518, 5), 62 * ls, 38 * ls, 34 * ls, 0, 10, -15)));

        double ss = j.size(0.12);
        Solid spleen = f.ellipsoid(j.pos(98, 6), j.pos(55, 6), j.pos(505, 8), 30 * ss, 50 * ss, 55 * ss, 0, 10, 40);

        // Kidneys beside the spine; the right one lower, under the liver. Upper poles lean medially.
        double ks = j.size(0.1);
        Solid kidneyRight = f.ellipsoid(j.pos(-64, 4), j.pos(50, 4), j.pos(420, 6), 27 * ks, 28 * ks, 55 * ks, 0, -15, 15);
        Solid kidneyLeft = f.ellipsoid(j.pos(64, 4), j.pos(50, 4), j.pos(438, 6), 27 * ks, 28 * ks, 55 * ks, 0, 15, -15);

        // Bladder: fill varies a lot between patients.
        double fill = rng.nextDouble(0.7, 1.25);
        Solid bladder = f.ellipsoid(j.pos(0, 4), j.pos(-38, 4), 218 + 30 * fill, 42 * fill, 36 * fill, 32 * fill);

        double lungS = j.size(0.06);
        Solid lungRight = f.ellipsoid(-80, 12, 640, 64 * lungS, 88 * lungS, 112 * lungS);
        Solid lungLeft = f.ellipsoid(84, 14, 636, 60 * lungS, 88 * lungS, 110 * lungS);

        Solid spine = spine(f);

        // Aorta: ascending from the heart, arch, descending left of the spine, bifurcation at L4.
        double ar = rng.nextDouble(10, 13);
        List<Capsule> aorta = List.of(
            f.capsule(hx - 15, hy + 5, hz + 25, 2, -12, 690, ar),
            f.capsule(2, -12, 690, 18, 25, 688, ar),
            f.capsule(18, 25, 688, 20, 32, 560, ar * 0.95),
            f.capsule(20, 32, 560, 10, 15, 360, ar * 0.85),
            f.capsule(10, 15, 360, -55, 20, 255, ar * 0.6),
            f.capsule(10, 15, 360, 60, 20, 255, ar * 0.6));

        List<Solid> glands = new ArrayList<>();
        for (int side : new int[] {-1, 1}) {
            glands.add(f.ellipsoid(side * 52, 5, 832, 14, 18, 22));   // parotid
            glands.add(f.ellipsoid(side * 34, -32, 796, 10, 10, 9));  // submandibular
            glands.add(f.ellipsoid(side * 13, -2, 812, 8, 8, 11));    // palatine tonsil
        }

        return new Anatomy(f, body, brain, heartWall, heartBlood, liver, spleen, kidneyLeft, kidneyRight, bladder,
            lungLeft, lungRight, spine, aorta, List.copyOf(glands), j.pos(565, 6), j.pos(548, 6));
    }

    /**
     * Vertebral bodies as short elliptic cylinders-like ellipsoids separated by discs, following the
     * spinal curves (cervical and lumbar lordosis, thoracic kyphosis), plus the sacrum.
     */
    private static Solid spine(BodyFrame f) {
        List<Solid> parts = new ArrayList<>();
        // {bottom z, top z, count, semi-x, semi-y}
        double[][] regions = {{290, 460, 5, 23, 17}, {460, 730, 12, 17, 15}, {730, 822, 6, 11, 9}};
        for (double[] r : regions) {
            double step = (r[1] - r[0]) / r[2];
            for (int n = 0; n < r[2]; n++) {
                double zc = r[0] + (n + 0.5) * step;
                // Flattened ellipsoids fill a vertebral body better than a sphere; discs are the gaps.
                parts.add(f.ellipsoid(0, spineY(zc), zc, r[3], r[4], 0.43 * step));
            }
        }
        parts.add(f.ellipsoid(0, 55, 250, 42, 18, 48, -25, 0, 0));  // sacrum, tilted back
        return Solid.union(parts);
    }

    /** Front-back position (reference mm) of the vertebral bodies' centre line at height z. */
    static double spineY(double z) {
        double[][] curve = {{250, 40}, {450, 48}, {600, 58}, {710, 45}, {790, 22}, {830, 18}};
        if (z <= curve[0][0]) {
            return curve[0][1];
        }
        for (int n = 1; n < curve.length; n++) {
            if (z <= curve[n][0]) {
                double t = (z - curve[n - 1][0]) / (curve[n][0] - curve[n - 1][0]);
                return curve[n - 1][1] + t * (curve[n][1] - curve[n - 1][1]);
            }
        }
        return curve[curve.length - 1][1];
    }

    /** Jitter helpers bound to the anatomy stream. */
    private record J(SplittableRandom rng) {
        double pos(double nominal, double plusMinus) {
            return nominal + rng.nextDouble(-plusMinus, plusMinus);
        }

        double size(double relative) {
            return rng.nextDouble(1 - relative, 1 + relative);
        }
    }
}
