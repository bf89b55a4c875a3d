package org.petal.ml.segment.suvgrow;

/**
 * A tighter interval for an organ click in a thin wall that grew into thick neighbours of similar uptake.
 *
 * <p>A cold FDG myocardium (SUV 1.7–3) is as warm as the liver and the blood pool it encloses: the first grow
 * takes wall, blood and liver as one region, and the {@link ThickNeighbourSplit} then keeps only the wall
 * next to the click (100–400 of ~2,000 voxels), because the blood pool touches the wall everywhere. When
 * that split gives away most of the region, the interval is tightened from the neighbour's side (the floor
 * rises when the neighbour is colder than the click, the ceiling falls when it is warmer) in tenths of the
 * way to the click's value, and the loosest interval whose grow is thin throughout (no part deeper than
 * {@link ThickNeighbourSplit#THICKER} times the click's depth) is taken, provided it keeps more than the split
 * would and, like the split, parts with more than half of the first grow. A floor that rises also lifts the ceiling to at least as far above the click as the floor is
 * below it: the click's smoothed value in a thin wall is pulled down by the blur, and the wall's own
 * peak lies above it. The structure's level ({@link SeedRule#scale}) becomes the tightened region's mean.
 *
 * <p>Judged once per click on its first window and remembered (the object's state keeps the tightened rule
 * for the click), so every window and every later click grows the same interval.
 */
final class ThinWallRule {

    /** The split must give away more than this share of the first grow before a tighter interval is tried. */
    static final double GIVEN_AWAY = 0.5;
    private static final int STEPS = 10;

    private ThinWallRule() {}

    /**
     * @param region    the first rule's grow after the narrow cut (not modified)
     * @param count     its voxel count
     * @param territory what the thick-neighbour split gives away from it
     * @return the tightened rule, or {@code rule} itself
     */
    static SeedRule tighten(WindowImage img, float[] values, SeedRule rule, int click, byte[] region, int count, int[] territory,
                            SuvGrowConfig cfg, Scratch scratch) {
        if (territory.length <= GIVEN_AWAY * count || click < 0) {
            return rule;
        }
        double neighbour = 0;
        for (int v : territory) {
            neighbour += values[v];
        }
        neighbour /= territory.length;
        float c = values[click];
        boolean colder = neighbour < c;
        int kept = count - territory.length;
        byte[] grown = new byte[img.n];
        for (int step = 1; step < STEPS; step++) {
            float s = (float) step / STEPS;
            float lo;
            float hi;
            if (colder) {
                lo = rule.lo() + s * (c - rule.lo());
                hi = Math.max(rule.hi(), 2 * c - lo);
            } else {
                hi = rule.hi() - s * (rule.hi() - c);
                lo = Math.min(rule.lo(), 2 * c - hi);
            }
            java.util.Arrays.fill(grown, (byte) 0);
            int n = cfg.connectivity() == org.petal.ml.morph.Connectivity.SIX
                ? scratch.rangeFill().grow(img, values, lo, hi, new int[] {click}, 1, grown, scratch)
                : RegionGrower.grow(img, values, lo, hi, new int[] {click}, 1, -1, 0, cfg.connectivity(), grown, scratch);
            if (n <= kept) {
                return rule;  // tighter only gets smaller: the split keeps more
            }
            NarrowCut.apply(img, grown, click, n, scratch);
            if (ThickNeighbourSplit.cores(img, grown, click).length > 0) {
                continue;
            }
            double sum = 0;
            int size = 0;
            for (int v = 0; v < img.n; v++) {
                if (grown[v] != 0) {
                    sum += values[v];
                    size++;
                }
            }
            if (size <= kept || size > GIVEN_AWAY * count) {
                return rule;  // not more than the split keeps, or not parted from the neighbour either
            }
            return new SeedRule(true, lo, hi, rule.seed(), rule.click(), rule.ballRadiusMm(), (float) (sum / size));
        }
        return rule;
    }
}
