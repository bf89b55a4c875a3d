package org.petal.ml.segment.suvgrow;

import java.util.List;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;

/**
 * Refinement clicks that move the object's SUV interval before any local carving.
 *
 * <p>Most errors of a threshold grow are a contour at the wrong level: a rim left out (the user adds an
 * include click on it) or a shoulder of background taken in (an exclude click on it). Moving the
 * object's threshold to just past the clicked voxel fixes the whole contour at once, where a local edit
 * fixes a few voxels. Only plausible moves are made: an include click may lower the interval's bottom,
 * an exclude click may raise it only up to {@link #MAX_LESION_FRACTION} of a lesion's peak (or
 * {@link #MAX_ORGAN_FRACTION} of an organ's mean); what the interval cannot fix is left to the geodesic
 * split and the local grows. When two clicks ask for contradicting intervals, the earlier answer is kept
 * (an include colder than an exclude's floor, for both kinds) except that an organ exclude above an include's
 * ceiling lifts it.
 */
final class IntervalRefinement {

    /** An include click takes the threshold to this fraction of its SUV, so the clicked voxel is inside. */
    static final float INCLUDE_MARGIN = 0.95f;
    /** An exclude click takes the threshold to this multiple of its SUV, so the clicked voxel is outside. */
    static final float EXCLUDE_MARGIN = 1.03f;
    static final float MAX_LESION_FRACTION = 0.6f;
    static final float MAX_ORGAN_FRACTION = 0.92f;
    /** Below this fraction of the structure's level a click is on something else, not on its rim. */
    static final float MIN_RIM_FRACTION = 0.2f;

    private IntervalRefinement() {}

    static SeedRule adjust(SeedRule primary, List<PointPrompt> prompts, boolean organ, PetVolume volume, double minimalSuv) {
        return organ ? floorAndCeiling(primary, prompts, volume, minimalSuv) : consistent(primary, prompts, volume, minimalSuv);
    }

    /**
     * Lesions: HECKTOR's refinement clicks often contradict each other for a single threshold (an include
     * voxel colder than an earlier exclude voxel); there the later move would undo an earlier answer, so
     * it is refused and left to the local edits.
     */
    private static SeedRule consistent(SeedRule primary, List<PointPrompt> prompts, PetVolume volume, double minimalSuv) {
        float lo = primary.lo();
        float hi = primary.hi();
        float level = primary.scale();
        float limit = MAX_LESION_FRACTION * level;
        // The interval keeps earlier answers: never above an include voxel (the user said it belongs), never
        // back down over an exclude voxel whose own move was made. A move that would undo one is refused
        // and left to the local edits, which change only the clicked neighbourhood. An exclude the
        // interval could not serve (too hot) was carved locally and does not freeze the interval.
        float keepAtOrBelow = Float.POSITIVE_INFINITY;  // the lowest include value seen
        float keepAbove = Float.NEGATIVE_INFINITY;      // the highest exclude value seen
        float current = lo;
        boolean firstInclude = true;
        for (PointPrompt p : prompts) {
            if (p.include() && firstInclude) {
                firstInclude = false;
                continue;
            }
            float v = decisionValue(volume, p.voxel(), false);
            float requested = requested(p.include(), v, current, hi, level, limit, minimalSuv);
            float proposed = Float.isNaN(requested) ? current : requested;
            boolean moved = proposed != current && proposed <= keepAtOrBelow && proposed > keepAbove;
            if (moved) {
                current = proposed;
            }
            if (p.include()) {
                keepAtOrBelow = Math.min(keepAtOrBelow, v);
            } else if (moved) {
                keepAbove = Math.max(keepAbove, v);
            }
        }
        if (current == lo) {
            return primary;
        }
        return new SeedRule(primary.valid(), current, hi, primary.seed(), primary.click(), primary.ballRadiusMm(), primary.scale());
    }

    /**
     * Organs: an include and an exclude move combine as floor and ceiling; the highest exclude floor stands,
     * an include colder than that floor does not move the interval, and an exclude above an include's
     * ceiling lifts the ceiling (the later click wins there).
     */
    private static SeedRule floorAndCeiling(SeedRule primary, List<PointPrompt> prompts, PetVolume volume, double minimalSuv) {
        float lo = primary.lo();
        float hi = primary.hi();
        float floor = Float.NEGATIVE_INFINITY;
        float ceiling = Float.POSITIVE_INFINITY;
        float level = primary.scale();
        boolean firstInclude = true;
        for (PointPrompt p : prompts) {
            if (p.include() && firstInclude) {
                firstInclude = false;
                continue;
            }
            float v = decisionValue(volume, p.voxel(), true);
            float requested = requested(p.include(), v, lo, hi, level, MAX_ORGAN_FRACTION * level, minimalSuv);
            if (Float.isNaN(requested)) {
                continue;
            }
            if (p.include()) {
                if (requested < floor) {
                    // Colder than what an exclude click's floor left out: one threshold cannot answer both, so
                    // the floor stays and the include click adds its own neighbourhood (its local grow). Letting
                    // it win re-flooded a hot heart's blood pool (Dice 0.96 -> 0.83).
                    continue;
                }
                ceiling = requested;
            } else {
                // An exclude never lowers the floor: a later, colder exclude voxel is already outside it, and
                // taking its value re-added what an earlier exclude removed (two hot hearts 0.92-0.95 -> 0.83-0.84).
                floor = Math.max(floor, requested);
                if (ceiling < floor) {
                    ceiling = Float.POSITIVE_INFINITY;
                }
            }
        }
        float adjusted = Math.max(Math.min(lo, ceiling), floor);
        if (floor == Float.NEGATIVE_INFINITY && ceiling == Float.POSITIVE_INFINITY) {
            return primary;
        }
        return new SeedRule(primary.valid(), adjusted, hi, primary.seed(), primary.click(), primary.ballRadiusMm(), primary.scale());
    }

    /**
     * The interval bottom a refinement click asks for, judged against the bottom {@code reference}: an
     * include click below it (but on the structure's rim, not on background) asks for just under its
     * value, an exclude click inside the interval for just above its value up to {@code limit}; NaN when
     * the click asks for no move.
     */
    private static float requested(boolean include, float v, float reference, float hi, float level, float limit,
                                    double minimalSuv) {
        if (include && v < reference && v >= MIN_RIM_FRACTION * level && v >= minimalSuv) {
            return INCLUDE_MARGIN * v;
        }
        if (!include && v >= reference && v <= hi && EXCLUDE_MARGIN * v <= limit) {
            return EXCLUDE_MARGIN * v;
        }
        return Float.NaN;
    }

    /** The value the grow compares: raw SUV for lesions, the 3×3×3 mean for organs (as their grow uses). */
    static float decisionValue(PetVolume volume, Voxel v, boolean organ) {
        if (!organ) {
            return volume.get(v.i(), v.j(), v.k());
        }
        var g = volume.geometry();
        double sum = 0;
        int n = 0;
        for (int k = Math.max(0, v.k() - 1); k <= Math.min(g.nz() - 1, v.k() + 1); k++) {
            for (int j = Math.max(0, v.j() - 1); j <= Math.min(g.ny() - 1, v.j() + 1); j++) {
                for (int i = Math.max(0, v.i() - 1); i <= Math.min(g.nx() - 1, v.i() + 1); i++) {
                    sum += volume.get(i, j, k);
                    n++;
                }
            }
        }
        return (float) (sum / n);
    }
}
