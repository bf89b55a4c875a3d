package org.petal.ml.segment.suvgrow;

import java.util.List;
import org.petal.ml.segment.PointPrompt;

/**
 * The exclude clicks' competitive split of one window's mask ({@link GeodesicSplitter}): every exclude click
 * inside the mask, and every voxel an earlier window decided was background, claims what it reaches first
 * against the include seeds, within a reach set per kind.
 */
final class ExcludeSplit {

    /**
     * Exclude clicks on a lesion usually mark a touching node or a hot shoulder next to the tumour body;
     * a reach of one depth removes that and spares the body (HECKTOR 5 clicks: 0.826 → 0.845), while organs
     * keep the configured reach (liver falls from 0.89 to 0.87 at 1.0).
     */
    static final double LESION_EXCLUDE_REACH = 1.0;

    /**
     * A lesion exclude click claims at most this fraction of its distance to the nearest include click (or
     * its rule's seed). HECKTOR's exclude clicks often sit in the tumour's hot body next to the first click
     * (where the reference contour leaves out uptake); a reach of one depth there took a ball that held the
     * click's own neighbourhood (Dice 0.87 -> 0.74 in one case). Half-way: HECKTOR 5 clicks 0.877 -> 0.881,
     * phantom lesions 0.801 -> 0.802.
     */
    static final double LESION_EXCLUDE_CAP = 0.5;

    private ExcludeSplit() {}

    /**
     * @param includeSeeds the include seeds (the first {@code clickSeeds} from clicks, then stitched ones)
     * @param scale        the object's level, the unit of the geodesic cost
     */
    static void apply(WindowImage img, float[] values, byte[] mask, boolean organ, List<PointPrompt> prompts, float[] stitched,
                      int[] includeSeeds, int includeCount, int clickSeeds, float scale, SuvGrowConfig cfg, Scratch scratch) {
        if (prompts.stream().allMatch(PointPrompt::include)) {
            return;
        }
        int[] exclude = new int[16];
        int count = 0;
        for (PointPrompt p : prompts) {
            int v = p.include() ? -1 : img.index(p.voxel());
            if (v >= 0 && mask[v] != 0) {
                exclude = grow(exclude, count);
                exclude[count++] = v;
            }
        }
        double[] cap = null;
        if (!organ && count > 0 && clickSeeds > 0) {
            cap = new double[count];
            for (int s = 0; s < count; s++) {
                double nearest2 = Double.POSITIVE_INFINITY;
                for (int q = 0; q < clickSeeds; q++) {
                    nearest2 = Math.min(nearest2, img.distance2Mm(exclude[s], includeSeeds[q]));
                }
                cap[s] = LESION_EXCLUDE_CAP * Math.sqrt(nearest2);
            }
        }
        if (stitched != null) {
            for (int v = 0; v < img.n; v++) {
                // Decided background that we would grow into: an earlier window cut it off.
                if (mask[v] != 0 && stitched[v] <= 0.5f) {
                    exclude = grow(exclude, count);
                    exclude[count++] = v;
                }
            }
        }
        if (count > 0) {
            if (cap != null && cap.length < count) {
                int prompted = cap.length;  // stitched background seeds after the clicks keep the plain reach
                cap = java.util.Arrays.copyOf(cap, count);
                java.util.Arrays.fill(cap, prompted, count, Double.POSITIVE_INFINITY);
            }
            GeodesicSplitter.split(img, values, mask, includeSeeds, includeCount, exclude, count, scale,
                cfg.geodesicIntensityWeight(), organ ? cfg.excludeReach() : Math.min(LESION_EXCLUDE_REACH, cfg.excludeReach()),
                cap, scratch);
        }
    }

    private static int[] grow(int[] a, int count) {
        return count < a.length ? a : java.util.Arrays.copyOf(a, a.length * 2);
    }
}
