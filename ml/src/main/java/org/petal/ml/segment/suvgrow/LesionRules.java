package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;
import org.petal.ml.segment.Voxel;

/**
 * Lesion strategy: peak near the click, threshold from the peak by the configured
 * {@link LesionThreshold} rule, grow from the peak.
 */
final class LesionRules {

    /** A refinement click's threshold sits just below its own SUV: the click voxel stays in, its colder surround does not. */
    static final float CLICK_MARGIN = 0.97f;

    private LesionRules() {}

    /**
     * @param first whether this is the object's first include click: it always grows from its peak;
     *              a later click on a voxel below its own threshold instead lowers the threshold to just
     *              under its SUV, but only within {@code refineRadiusMm} (the user marked a rim the
     *              iso-contour missed; lowering it everywhere would leak)
     */
    static SeedRule rule(WindowImage img, int click, boolean first, SuvGrowConfig cfg, Scratch scratch) {
        float[] v = img.suv;
        Voxel clickVoxel = img.voxel(click);
        int peak = PeakSearch.find(img, v, click, cfg.peakSearchRadiusMm());
        float max = v[peak];
        if (!(max >= cfg.minimalSuv())) {
            return SeedRule.background(clickVoxel);
        }
        float t = threshold(img, peak, cfg, scratch);
        if (!(t <= max)) {
            return SeedRule.background(clickVoxel);
        }
        t = belowFlood(img, peak, t, max, cfg, scratch);
        if (first || v[click] >= t) {
            return new SeedRule(true, t, Float.POSITIVE_INFINITY, img.voxel(peak), clickVoxel, 0, max);
        }
        float lowered = Math.max((float) cfg.minimalSuv(), Math.min(t, CLICK_MARGIN * v[click]));
        return new SeedRule(true, lowered, Float.POSITIVE_INFINITY, clickVoxel, clickVoxel, cfg.refineRadiusMm(), max);
    }

    /** Levels above a flooding threshold are tried in steps of this fraction of the peak. */
    static final float LEVEL_STEP = 0.1f;
    /** Tried levels stay below this fraction of the peak: above it a small lesion is a handful of noisy voxels. */
    static final float TOP_LEVEL = 0.92f;
    /**
     * Going one step down a level more than multiplies the region by this: it has flooded into its surround.
     * A heterogeneous tumour's hill can double between two levels (HECKTOR); a flood multiplies it by tens.
     */
    static final double FLOOD_RATIO = 4.0;
    /** ... and it added at least this many ml: a few voxels more on a tiny lesion is not a flood. */
    static final double FLOOD_MIN_ML = 10.0;

    /**
     * The rule's threshold, or the lowest higher level at which the region is still the lesion.
     *
     * <p>Percent-of-max presumes a lesion that stands well above its surround. A small lesion blurred by the
     * scanner (a 6 mm sphere at 4 mm voxels keeps a third of its contrast) in the liver or the mediastinum
     * does not: 41 % of its peak lies below the organ around it, and the grow takes the whole organ, a
     * mask of litres from one click. Descending from near the peak in steps of {@link #LEVEL_STEP}, the
     * region grows smoothly while it is the lesion's hill and jumps when it spills into the surround; the
     * level just above the first jump is kept. Lesions with a clear margin never jump before the rule's
     * threshold and keep it.
     */
    static float belowFlood(WindowImage img, int peak, float threshold, float max, SuvGrowConfig cfg, Scratch scratch) {
        int levels = 0;
        while (threshold + (levels + 1) * LEVEL_STEP * max < TOP_LEVEL * max) {
            levels++;
        }
        if (levels == 0) {
            return threshold;
        }
        double voxelMl = img.sx * img.sy * img.sz / 1000.0;
        int minJump = (int) Math.ceil(FLOOD_MIN_ML / voxelMl);
        float above = threshold + levels * LEVEL_STEP * max;
        int aboveCount = RegionGrower.countUpTo(img, img.suv, above, peak, img.n, cfg.connectivity(), scratch);
        for (int step = levels - 1; step >= 0; step--) {
            float level = threshold + step * LEVEL_STEP * max;
            int flood = (int) Math.min(img.n, Math.max(FLOOD_RATIO * aboveCount, (double) aboveCount + minJump));
            int count = RegionGrower.countUpTo(img, img.suv, level, peak, flood, cfg.connectivity(), scratch);
            if (count > flood) {
                return above;
            }
            above = level;
            aboveCount = count;
        }
        return threshold;
    }

    /** Threshold in SUV for a lesion with its peak at local index {@code peak}. */
    static float threshold(WindowImage img, int peak, SuvGrowConfig cfg, Scratch scratch) {
        float max = img.suv[peak];
        float f = (float) cfg.lesionFraction();
        return switch (cfg.lesionThreshold()) {
            case PERCENT_OF_MAX -> f * max;
            case FIXED_SUV -> (float) cfg.fixedSuv();
            case BACKGROUND_ADAPTIVE -> {
                float bg = background(img, peak, f * max, cfg, scratch);
                yield bg + f * (max - bg);
            }
        };
    }

    /**
     * Mean SUV of the shell between {@code backgroundShellMm} and twice that around the preliminary
     * percent-of-max region (distances as 6-connected layers of the smallest spacing, cheap and close
     * enough for a background estimate).
     */
    static float background(WindowImage img, int peak, float preliminary, SuvGrowConfig cfg, Scratch scratch) {
        byte[] mask = new byte[img.n];
        int count = RegionGrower.grow(img, img.suv, preliminary, Float.POSITIVE_INFINITY, new int[] {peak}, 1, -1, 0,
            cfg.connectivity(), mask, scratch);
        double step = Math.min(img.sx, Math.min(img.sy, img.sz));
        int inner = Math.max(1, (int) Math.round(cfg.backgroundShellMm() / step));
        int outer = Math.max(inner + 1, 2 * inner);
        int[] queue = scratch.ints(0, img.n);
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        for (int q = 0; q < count; q++) {
            stamp[queue[q]] = gen;
        }
        int layerStart = 0;
        int tail = count;
        double sum = 0;
        long n = 0;
        for (int layer = 1; layer <= outer && layerStart < tail; layer++) {
            int layerEnd = tail;
            for (int q = layerStart; q < layerEnd; q++) {
                int v = queue[q];
                int i = img.i(v);
                int j = img.j(v);
                int k = img.k(v);
                for (int e = 0; e < 6; e++) {
                    int a = i + Connectivity.SIX.di(e);
                    int b = j + Connectivity.SIX.dj(e);
                    int c = k + Connectivity.SIX.dk(e);
                    if (a < 0 || b < 0 || c < 0 || a >= img.w || b >= img.h || c >= img.d) {
                        continue;
                    }
                    int u = img.index(a, b, c);
                    if (stamp[u] != gen) {
                        stamp[u] = gen;
                        queue[tail++] = u;
                        if (layer >= inner) {
                            sum += img.suv[u];
                            n++;
                        }
                    }
                }
            }
            layerStart = layerEnd;
        }
        return n == 0 ? 0f : (float) (sum / n);
    }
}
