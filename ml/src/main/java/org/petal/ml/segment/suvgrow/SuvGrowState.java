package org.petal.ml.segment.suvgrow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.Voxel;

/**
 * Per-object state of {@code suv-grow}: the {@link SeedRule} (threshold, seed) of every include click,
 * fixed by the first window that saw the click. Later windows and interactions reuse it, so the
 * object keeps one threshold however the framework tiles it. Safe for windows predicted in parallel.
 */
public final class SuvGrowState implements PatchModel.ObjectState {

    private final LabelKind kind;
    private final Map<Voxel, SeedRule> rules = new ConcurrentHashMap<>();
    private final Map<Box, Territory> territories = new ConcurrentHashMap<>();

    /** What {@link ThickNeighbourSplit} gave away in one window, for the first click's rule it was found with. */
    private record Territory(SeedRule rule, int[] voxels) {}

    SuvGrowState(LabelKind kind) {
        this.kind = kind;
    }

    public LabelKind kind() {
        return kind;
    }

    SeedRule rule(Voxel click) {
        return rules.get(click);
    }

    SeedRule remember(Voxel click, SeedRule rule) {
        SeedRule previous = rules.putIfAbsent(click, rule);
        return previous != null ? previous : rule;
    }

    /**
     * The thick neighbour's territory in a window for the object's first rule, computed once: it depends on
     * nothing else, and later clicks (which move the interval) would otherwise pay for a second grow.
     */
    int[] territory(Box window, SeedRule rule, java.util.function.Supplier<int[]> compute) {
        Territory known = territories.get(window);
        if (known != null && known.rule().equals(rule)) {
            return known.voxels();
        }
        int[] voxels = compute.get();
        territories.put(window, new Territory(rule, voxels));
        return voxels;
    }

    /** First-click rules already judged by {@link ThinWallRule}, each mapped to its outcome (itself when kept). */
    private final Map<SeedRule, SeedRule> thinJudged = new ConcurrentHashMap<>();

    /** Whether {@code rule} needs no {@link ThinWallRule} judgement: judged before, or the outcome of one. */
    boolean judgedThin(SeedRule rule) {
        return thinJudged.containsKey(rule) || thinJudged.containsValue(rule);
    }

    /**
     * Records the judgement of a first-click rule; a tightened rule replaces the click's remembered one, so
     * later windows and clicks grow with it. Returns the outcome that stands (the first judgement wins).
     */
    SeedRule judgeThin(SeedRule rule, SeedRule outcome) {
        SeedRule previous = thinJudged.putIfAbsent(rule, outcome);
        SeedRule result = previous != null ? previous : outcome;
        if (result != rule) {
            rules.replace(rule.click(), rule, result);
        }
        return result;
    }

    /** Set once the first click is judged a {@link WallRefinement wall}; then its first region is recorded. */
    private volatile boolean wall;
    private volatile double wallFirstRegionMl = Double.NaN;

    void markWall() {
        wall = true;
    }

    boolean wall() {
        return wall;
    }

    /** The first click's region (ml) of an object judged a wall, recorded once; NaN otherwise. */
    double wallFirstRegionMl() {
        return wallFirstRegionMl;
    }

    private SeedRule firstClickReach;

    /**
     * What the first click of a wall adds within the wall's reach ({@link WallRefinement}), worked out once
     * by the first window that holds the click: its neighbourhood statistics take an organ grow of the whole
     * window, which every later interaction would otherwise repeat.
     */
    synchronized SeedRule firstClickReach(java.util.function.Supplier<SeedRule> compute) {
        if (firstClickReach == null) {
            firstClickReach = compute.get();
        }
        return firstClickReach;
    }

    synchronized void recordWallFirstRegion(double ml) {
        if (wall && Double.isNaN(wallFirstRegionMl)) {
            wallFirstRegionMl = ml;
        }
    }

    /** The lower SUV threshold fixed for an include click, if that click has been seen (for tests, logs). */
    public java.util.OptionalDouble threshold(Voxel click) {
        SeedRule r = rules.get(click);
        return r == null || !r.valid() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(r.lo());
    }
}
