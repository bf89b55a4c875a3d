package org.petal.ml.segment.suvgrow;

import org.petal.ml.segment.Voxel;

/**
 * Organ strategy: statistics-driven grow on the smoothed image. The seed sphere gives mean and standard
 * deviation; a first grow within {@code mean ± k·std} collects the organ body, whose own statistics
 * (far more voxels, so a steadier estimate) set the final interval.
 */
final class OrganRules {

    /**
     * Spread is kept within these fractions of the mean: a seed sphere straddling an edge would otherwise
     * give a huge std (leak), a perfectly flat one a tiny std (fragmented grow).
     */
    private static final double MIN_CV = 0.04;
    private static final double MAX_CV = 0.2;

    /**
     * Organs may be cold (lungs: SUV 0.3–0.7), so an organ click is on background only where there is
     * essentially no activity: air outside the body.
     */
    static final double MIN_ORGAN_SUV = 0.15;

    /** An adapted interval that grows more than this many times the first region is leaking. */
    static final double ADAPT_LEAK_RATIO = 2.0;

    private OrganRules() {}

    /**
     * @param first whether this is the object's first include click; a later one (a user adding what the
     *              first grow missed) grows with its own statistics but only within the refinement radius,
     *              so a click on a missed kidney pole cannot flood the neighbouring liver
     */
    static SeedRule rule(WindowImage img, float[] values, int click, boolean first, SuvGrowConfig cfg, Scratch scratch) {
        return ruleWithGrow(img, values, click, first, cfg, scratch).rule();
    }

    /**
     * A rule and, when its last grow was already the rule's own (from the click within the final bounds,
     * no ball), that grow: the caller's first grow of the rule would repeat it voxel for voxel.
     *
     * @param grown the region grown from the click within the rule's bounds, or null
     * @param count its voxel count
     */
    record WithGrow(SeedRule rule, byte[] grown, int count) {}

    static WithGrow ruleWithGrow(WindowImage img, float[] values, int click, boolean first, SuvGrowConfig cfg, Scratch scratch) {
        Voxel clickVoxel = img.voxel(click);
        double[] seed = ballStats(img, values, click, cfg.organSeedRadiusMm());
        if (!(seed[0] >= MIN_ORGAN_SUV)) {
            return new WithGrow(SeedRule.background(clickVoxel), null, 0);
        }
        byte[] mask = new byte[img.n];
        float[] bounds = bounds(seed[0], seed[1], cfg);
        int count = grow(img, values, bounds, click, mask, cfg, scratch);
        double[] region = listStats(values, scratch.ints(0, img.n), count);
        boolean maskIsFinal = true;
        int finalCount = count;
        // Adapt once, unless the first pass stayed tiny (then the seed sphere is the better estimate) or the
        // adapted interval spills: several times the first region means it went through a contact into a
        // neighbour of similar uptake (right kidney into liver), so the seed's interval stays.
        if (count >= 27) {
            float[] adapted = bounds(region[0], region[1], cfg);
            // Only this grow's set and size are used (the first grow's list gave the statistics): a scanline grow.
            int adaptedCount;
            if (cfg.connectivity() == org.petal.ml.morph.Connectivity.SIX) {
                java.util.Arrays.fill(mask, (byte) 0);
                adaptedCount = scratch.rangeFill().grow(img, values, adapted[0], adapted[1], new int[] {click}, 1, mask, scratch);
            } else {
                adaptedCount = grow(img, values, adapted, click, mask, cfg, scratch);
            }
            if (adaptedCount <= ADAPT_LEAK_RATIO * count) {
                bounds = adapted;
                finalCount = adaptedCount;
            } else {
                maskIsFinal = false;
            }
        }
        SeedRule rule = new SeedRule(true, bounds[0], bounds[1], clickVoxel, clickVoxel, first ? 0 : cfg.refineRadiusMm(),
            (float) region[0]);
        return first && maskIsFinal ? new WithGrow(rule, mask, finalCount) : new WithGrow(rule, null, 0);
    }

    private static float[] bounds(double mean, double std, SuvGrowConfig cfg) {
        double s = Math.min(Math.max(std, MIN_CV * mean), MAX_CV * mean);
        double lo = Math.max(mean - cfg.organK() * s, cfg.organMinFraction() * mean);
        double hi = mean + cfg.organK() * s;
        return new float[] {(float) lo, (float) hi};
    }

    /** Grows from the click within the bounds into a cleared {@code mask}; the region is left in scratch ints 0. */
    private static int grow(WindowImage img, float[] values, float[] bounds, int click, byte[] mask, SuvGrowConfig cfg,
                            Scratch scratch) {
        java.util.Arrays.fill(mask, (byte) 0);
        return RegionGrower.grow(img, values, bounds[0], bounds[1], new int[] {click}, 1, -1, 0, cfg.connectivity(), mask,
            scratch);
    }

    /** {mean, std} of the values within {@code radiusMm} of a voxel (window voxels only). */
    static double[] ballStats(WindowImage img, float[] values, int centre, double radiusMm) {
        int ci = img.i(centre);
        int cj = img.j(centre);
        int ck = img.k(centre);
        int ri = (int) Math.floor(radiusMm / img.sx);
        int rj = (int) Math.floor(radiusMm / img.sy);
        int rk = (int) Math.floor(radiusMm / img.sz);
        double r2 = radiusMm * radiusMm;
        double sum = 0;
        double sum2 = 0;
        long n = 0;
        for (int k = Math.max(0, ck - rk); k <= Math.min(img.d - 1, ck + rk); k++) {
            for (int j = Math.max(0, cj - rj); j <= Math.min(img.h - 1, cj + rj); j++) {
                for (int i = Math.max(0, ci - ri); i <= Math.min(img.w - 1, ci + ri); i++) {
                    double dx = (i - ci) * img.sx;
                    double dy = (j - cj) * img.sy;
                    double dz = (k - ck) * img.sz;
                    if (dx * dx + dy * dy + dz * dz <= r2) {
                        double x = values[img.index(i, j, k)];
                        sum += x;
                        sum2 += x * x;
                        n++;
                    }
                }
            }
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sum2 / n - mean * mean))};
    }

    private static double[] listStats(float[] values, int[] list, int count) {
        double sum = 0;
        double sum2 = 0;
        for (int q = 0; q < count; q++) {
            double x = values[list[q]];
            sum += x;
            sum2 += x * x;
        }
        double mean = sum / Math.max(1, count);
        return new double[] {mean, Math.sqrt(Math.max(0, sum2 / Math.max(1, count) - mean * mean))};
    }
}
