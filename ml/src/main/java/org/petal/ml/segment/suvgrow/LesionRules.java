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
        if (first || v[click] >= t) {
            return new SeedRule(true, t, Float.POSITIVE_INFINITY, img.voxel(peak), clickVoxel, 0, max);
        }
        float lowered = Math.max((float) cfg.minimalSuv(), Math.min(t, CLICK_MARGIN * v[click]));
        return new SeedRule(true, lowered, Float.POSITIVE_INFINITY, clickVoxel, clickVoxel, cfg.refineRadiusMm(), max);
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
