package org.petal.ml.segment.suvgrow;

import org.petal.ml.segment.Voxel;

/**
 * What one include click grows, fixed when the click is first seen and then kept in the object's state
 * so every window and every later interaction grows the same region from it.
 *
 * @param valid        false for a click on background: it contributes nothing
 * @param lo           lowest SUV (of the decision image) that belongs
 * @param hi           highest SUV that belongs ({@code +∞} for lesions)
 * @param seed         where the grow starts (lesion peak or the click), volume coordinates
 * @param click        the click itself, volume coordinates; also a seed when it passes the rule
 * @param ballRadiusMm the grow stays within this radius of the click (local refinement), or ≤ 0 for none
 * @param scale        typical SUV of the structure (peak or organ mean), the unit of the geodesic cost
 */
record SeedRule(boolean valid, float lo, float hi, Voxel seed, Voxel click, double ballRadiusMm, float scale) {

    static SeedRule background(Voxel click) {
        return new SeedRule(false, Float.NaN, Float.NaN, click, click, 0, 0);
    }

    boolean accepts(float value) {
        return value >= lo && value <= hi;
    }
}
