package org.petal.ml.segment.suvgrow;

/**
 * Include clicks on a thin wall that the first grow did not follow.
 *
 * <p>A cold FDG myocardium is as warm as the blood pool it encloses and the liver under it. The first click's
 * grow then takes all three, the {@link ThickNeighbourSplit} gives nearly everything away, and what it keeps
 * is a few hundred voxels of wall next to the click (Dice 0.1 of a ~2,000-voxel wall). The user's next
 * clicks land on the missed wall, and an organ's later include adds only its own 12 mm neighbourhood
 * ({@link SuvGrowConfig#refineRadiusMm}), so five clicks still leave most of the wall out (0.36–0.51 in
 * four phantoms). For such an object a later include grows within {@link #RADIUS_MM} instead, with its own
 * interval narrowed to {@link #NARROWING} of its width around its mean: the wider reach follows the wall, the
 * narrower interval keeps the blood pool's cooler and the liver's warmer voxels out where the contrast
 * allows. The first click adds the same from its own neighbourhood. (20 phantoms of seed 42, 1 / 3 / 5
 * clicks: heart 0.648 / 0.745 / 0.775 → 0.690 / 0.802 / 0.819; 20 of seed 7, not used for any choice: 0.632 /
 * 0.718 / 0.765 → 0.694 / 0.802 / 0.828; nothing else moved in either.)
 *
 * <p>Two conditions, both judged on the first click and kept in the object's state:
 * <ul>
 *   <li>a wall: the thick-neighbour split gave away more than half of the first grow
 *       ({@link ThinWallRule#GIVEN_AWAY}) and what it kept is at most {@link #WALL_DEPTH_MM} deep (a wall of
 *       up to ~25 mm with the PSF's blur; a right kidney parted from the liver keeps 13–22 mm, hearts 6–12.6);</li>
 *   <li>not followed: the first region is smaller than the wider reach's ball (113 ml). Where the first grow
 *       did follow the wall (a warm wall the tightened rule separated, Dice 0.77–0.83 after one click), later
 *       includes are small corrections, and the wider reach made them worse (0.88 → 0.84 in two hearts).</li>
 * </ul>
 */
final class WallRefinement {

    static final double WALL_DEPTH_MM = 12.8;
    static final double RADIUS_MM = 30.0;
    static final double NARROWING = 0.5;

    private static final double BALL_ML = 4.0 / 3.0 * Math.PI * RADIUS_MM * RADIUS_MM * RADIUS_MM / 1000.0;

    private WallRefinement() {}

    static boolean isWall(double keptDepthMm) {
        return keptDepthMm <= WALL_DEPTH_MM;
    }

    /**
     * The rule an organ include on this object grows with, given the click's own local rule: {@code rule}
     * itself unless the object is a wall its first grow did not follow.
     */
    static SeedRule reach(SeedRule rule, SuvGrowState state) {
        if (rule.ballRadiusMm() <= 0 || !(state.wallFirstRegionMl() < BALL_ML)) {
            return rule;
        }
        float mean = rule.scale();
        float lo = mean - (float) NARROWING * (mean - rule.lo());
        float hi = mean + (float) NARROWING * (rule.hi() - mean);
        return new SeedRule(rule.valid(), lo, hi, rule.seed(), rule.click(), RADIUS_MM, mean);
    }
}
