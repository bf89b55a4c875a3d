package org.petal.ml.phantom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.petal.ml.phantom.PhantomLesion.LesionShape;
import org.petal.ml.phantom.PhantomLesion.LesionSite;

/**
 * Places 3–12 lesions per case into the painted ground truth. Each lesion must lie wholly inside the body
 * and the field of view, must not touch brain or bladder (where a radiologist could not see it on FDG
 * anyway), and keeps at least 4 mm from other lesions so that each remains a separate object. Lesion
 * voxels get {@link PhantomLabel#LESION} and replace whatever organ was there.
 */
final class LesionPlacer {

    private static final int MAX_ATTEMPTS_PER_LESION = 400;
    static final int MIN_LESIONS = 3;
    static final int MAX_LESIONS = 12;

    private static final LesionSite[] SITES = LesionSite.values();
    /** Relative frequency of each site, in {@link LesionSite} order: lymphoma/lung/melanoma-like mix. */
    private static final double[] SITE_WEIGHTS = {18, 16, 12, 8, 8, 10, 8, 10, 4, 6};

    private final Painter painter;
    private final Anatomy anatomy;
    private final SplittableRandom rng;
    private final Map<PhantomLabel, int[]> voxelsByLabel = new EnumMap<>(PhantomLabel.class);
    private final List<double[]> placed = new ArrayList<>();  // {x, y, z, radius}

    LesionPlacer(Painter painter, Anatomy anatomy, SplittableRandom rng) {
        this.painter = painter;
        this.anatomy = anatomy;
        this.rng = rng;
    }

    List<PhantomLesion> place() {
        int count = rng.nextInt(MIN_LESIONS, MAX_LESIONS + 1);
        List<PhantomLesion> lesions = new ArrayList<>();
        int attempts = 0;
        while (lesions.size() < count) {
            if (++attempts > MAX_ATTEMPTS_PER_LESION * count) {
                throw new IllegalStateException("could not place " + count + " lesions");
            }
            PhantomLesion lesion = tryOne(lesions.size() + 1);
            if (lesion != null) {
                lesions.add(lesion);
            }
        }
        return lesions;
    }

    private PhantomLesion tryOne(int index) {
        LesionSite site = pickSite();
        double diameter = pickDiameter(site);
        double[] c = candidateCentre(site, diameter / 2);
        if (c == null) {
            return null;
        }
        // Snap to a voxel centre so even the smallest lesion owns its centre voxel.
        int ci = (int) Math.round((c[0] - painter.ox) / painter.v);
        int cj = (int) Math.round((c[1] - painter.oy) / painter.v);
        int ck = (int) Math.round((c[2] - painter.oz) / painter.v);
        if (!painter.geometry.contains(ci, cj, ck)) {
            return null;
        }
        double x = painter.x(ci), y = painter.y(cj), z = painter.z(ck);
        for (double[] p : placed) {
            double d = Math.sqrt(sq(p[0] - x) + sq(p[1] - y) + sq(p[2] - z));
            if (d < p[3] + diameter / 2 + 4) {
                return null;
            }
        }
        LesionShape shape = pickShape(diameter);
        Solid solid = LesionSolids.build(shape, x, y, z, diameter, rng);
        List<Covered> voxels = rasterise(solid);
        if (voxels == null || voxels.isEmpty()) {
            return null;
        }

        double background = painter.activity[painter.index(ci, cj, ck)];
        double suvMax = pickSuvMax(diameter);
        // Keep contrast: a lesion no hotter than its organ would not be called a lesion.
        suvMax = Math.min(25.0, Math.max(suvMax, 1.6 * background));
        boolean necrotic = diameter >= 22 && rng.nextDouble() < 0.45;
        double core = necrotic ? rng.nextDouble(0.4, 0.65) : 0;
        double coreSuv = necrotic ? rng.nextDouble(0.5, 1.5) : 0;
        String neighbour = neighbourOrgan(voxels);

        for (Covered vox : voxels) {
            painter.labels[vox.index()] = (short) PhantomLabel.LESION.value();
            painter.activity[vox.index()] = (float) profile(vox.rho(), suvMax, core, coreSuv);
        }
        placed.add(new double[] {x, y, z, diameter / 2});
        return new PhantomLesion(index, shape, site, new PhantomLesion.Voxel(ci, cj, ck), new PhantomLesion.Point(x, y, z),
            diameter, suvMax, necrotic, neighbour, voxels.size());
    }

    /**
     * SUV at normalised radius rho. Solid lesions peak at the centre and fall to 80 % at the rim; necrotic
     * ones have a cold core and a hot rim peaking midway through the wall.
     */
    static double profile(double rho, double suvMax, double core, double coreSuv) {
        if (core <= 0) {
            return suvMax * (0.8 + 0.2 * (1 - rho * rho));
        }
        if (rho < core) {
            return coreSuv;
        }
        double mid = (core + 1) / 2;
        return suvMax * (1 - 0.25 * Math.abs(rho - mid) / (1 - mid));
    }

    /** A voxel a lesion covers and its normalised radius there. */
    private record Covered(int index, double rho) {}

    /**
     * Voxels of the solid; null when any part would leave the
     * field of view or the body, or touch brain, bladder or another lesion.
     */
    private List<Covered> rasterise(Solid solid) {
        Box b = solid.bounds();
        double v = painter.v;
        int i0 = (int) Math.ceil((b.x0() - painter.ox) / v), i1 = (int) Math.floor((b.x1() - painter.ox) / v);
        int j0 = (int) Math.ceil((b.y0() - painter.oy) / v), j1 = (int) Math.floor((b.y1() - painter.oy) / v);
        int k0 = (int) Math.ceil((b.z0() - painter.oz) / v), k1 = (int) Math.floor((b.z1() - painter.oz) / v);
        if (i0 < 0 || j0 < 0 || k0 < 0 || i1 >= painter.nx || j1 >= painter.ny || k1 >= painter.nz) {
            return null;
        }
        List<Covered> out = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    double rho = solid.rho(painter.x(i), painter.y(j), painter.z(k));
                    if (rho > 1) {
                        continue;
                    }
                    int idx = painter.index(i, j, k);
                    int label = painter.labels[idx];
                    if (!painter.body.get(idx) || label == PhantomLabel.BRAIN.value() || label == PhantomLabel.BLADDER.value()
                        || label == PhantomLabel.LESION.value()) {
                        return null;
                    }
                    out.add(new Covered(idx, rho));
                }
            }
        }
        return out;
    }

    /** The organ label most common in the lesion and its 6-neighbour shell, or "soft_tissue". */
    private String neighbourOrgan(List<Covered> voxels) {
        int[] counts = new int[PhantomLabel.LESION.value() + 1];
        int plane = painter.nx * painter.ny;
        int[] offsets = {0, 1, -1, painter.nx, -painter.nx, plane, -plane};
        int n = painter.labels.length;
        for (Covered vox : voxels) {
            for (int o : offsets) {
                int idx = vox.index() + o;
                if (idx >= 0 && idx < n) {
                    counts[painter.labels[idx]]++;
                }
            }
        }
        int best = 0;
        for (int label = 1; label < PhantomLabel.LESION.value(); label++) {
            if (counts[label] > counts[best] || (best == 0 && counts[label] > 0)) {
                best = label;
            }
        }
        return best == 0 ? "soft_tissue" : PhantomLabel.ofValue(best).labelName();
    }

    private LesionSite pickSite() {
        double total = 0;
        for (double w : SITE_WEIGHTS) {
            total += w;
        }
        double u = rng.nextDouble(total);
        for (int s = 0; s < SITES.length; s++) {
            u -= SITE_WEIGHTS[s];
            if (u < 0) {
                return SITES[s];
            }
        }
        return SITES[SITES.length - 1];
    }

    private double pickDiameter(LesionSite site) {
        double u = rng.nextDouble();
        double d = u < 0.35 ? rng.nextDouble(6, 12) : u < 0.8 ? rng.nextDouble(12, 28) : rng.nextDouble(28, 45);
        boolean confined = site == LesionSite.NECK_NODE || site == LesionSite.AXILLARY_NODE || site == LesionSite.BONE
            || site == LesionSite.SPLEEN;
        return confined ? Math.min(d, 30) : d;
    }

    private LesionShape pickShape(double diameter) {
        double u = rng.nextDouble();
        if (diameter < 10) {
            return u < 0.6 ? LesionShape.SPHERE : LesionShape.ELLIPSOID;
        }
        return u < 0.3 ? LesionShape.SPHERE : u < 0.55 ? LesionShape.ELLIPSOID : u < 0.75 ? LesionShape.BLOB : LesionShape.IRREGULAR;
    }

    private double pickSuvMax(double diameter) {
        if (diameter < 12 && rng.nextDouble() < 0.4) {
            return rng.nextDouble(2.5, 4.0);  // small and faint: the hard cases
        }
        return UptakeModel.logUniform(rng, 3.0, 25.0);
    }

    /** A candidate centre in world mm for a lesion of radius r at the site, or null. */
    private double[] candidateCentre(LesionSite site, double r) {
        BodyFrame f = anatomy.frame();
        int side = rng.nextBoolean() ? 1 : -1;
        switch (site) {
            case LIVER:
                return randomVoxelOf(PhantomLabel.LIVER);
            case LUNG:
                return randomVoxelOf(side < 0 ? PhantomLabel.LUNG_RIGHT : PhantomLabel.LUNG_LEFT);
            case SPLEEN:
                return randomVoxelOf(PhantomLabel.SPLEEN);
            case BONE:
                return randomVoxelOf(PhantomLabel.SPINE);
            case MEDIASTINAL_NODE:
                return besideVessel(rng.nextInt(0, 3), rng.nextDouble(), r);
            case ABDOMINAL_NODE:
                return besideVessel(3, rng.nextDouble(0.35, 1.0), r);
            case PELVIC_NODE:
                return besideVessel(rng.nextInt(4, 6), rng.nextDouble(0.2, 1.0), r);
            case NECK_NODE:
                return new double[] {f.x(side * rng.nextDouble(25, 45)), f.y(rng.nextDouble(-15, 25)), f.z(rng.nextDouble(735, 795))};
            case AXILLARY_NODE:
                return new double[] {f.x(side * rng.nextDouble(105, 135)), f.y(rng.nextDouble(-10, 35)), f.z(rng.nextDouble(630, 685))};
            case SOFT_TISSUE: {
                double[] p = randomBodyPoint();
                return p != null && f.refZ(p[2]) > 220 && f.refZ(p[2]) < 720 ? p : null;
            }
            default:
                throw new IllegalArgumentException(site.toString());
        }
    }

    /** A point beside the vessel segment at fraction t, offset sideways so the node abuts, not overlaps, it. */
    private double[] besideVessel(int segment, double t, double r) {
        Capsule vessel = anatomy.aorta().get(segment);
        double[] p = vessel.at(t);
        double angle = rng.nextDouble(0, 2 * Math.PI);
        double d = vessel.radius() + r + rng.nextDouble(1, 6);
        return new double[] {p[0] + d * StrictMath.cos(angle), p[1] + d * StrictMath.sin(angle), p[2] + rng.nextDouble(-5, 5)};
    }

    private double[] randomVoxelOf(PhantomLabel label) {
        int[] voxels = voxelsByLabel.computeIfAbsent(label, this::collect);
        if (voxels.length == 0) {
            return null;
        }
        return centreOf(voxels[rng.nextInt(voxels.length)]);
    }

    private double[] randomBodyPoint() {
        int idx = rng.nextInt(painter.labels.length);
        return painter.body.get(idx) && painter.labels[idx] == 0 ? centreOf(idx) : null;
    }

    private int[] collect(PhantomLabel label) {
        int n = 0;
        short value = (short) label.value();
        for (short s : painter.labels) {
            if (s == value) {
                n++;
            }
        }
        int[] out = new int[n];
        int m = 0;
        for (int idx = 0; idx < painter.labels.length; idx++) {
            if (painter.labels[idx] == value) {
                out[m++] = idx;
            }
        }
        return out;
    }

    private double[] centreOf(int idx) {
        int i = idx % painter.nx;
        int j = (idx / painter.nx) % painter.ny;
        int k = idx / (painter.nx * painter.ny);
        return new double[] {painter.x(i), painter.y(j), painter.z(k)};
    }

    private static double sq(double v) {
        return v * v;
    }
}
