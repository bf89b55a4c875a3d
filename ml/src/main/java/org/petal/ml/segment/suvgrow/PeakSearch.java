package org.petal.ml.segment.suvgrow;

/**
 * Finds the lesion peak (SUVmax voxel) for a click: the hottest voxel within a radius of the click, then
 * uphill over the 26 neighbours to the local maximum, so a click on the rim of a large lesion still finds
 * the lesion's own maximum, not just the hottest voxel near the rim.
 */
final class PeakSearch {

    /** Bounds the climb; a blurred lesion is reached in far fewer steps. */
    private static final int MAX_CLIMB_STEPS = 256;

    private PeakSearch() {}

    /** Local index of the peak for a click at local index {@code click}; stays inside the window. */
    static int find(WindowImage img, float[] values, int click, double radiusMm) {
        int ci = img.i(click);
        int cj = img.j(click);
        int ck = img.k(click);
        int ri = (int) Math.floor(radiusMm / img.sx);
        int rj = (int) Math.floor(radiusMm / img.sy);
        int rk = (int) Math.floor(radiusMm / img.sz);
        double r2 = radiusMm * radiusMm;
        int best = click;
        float bestValue = values[click];
        for (int k = Math.max(0, ck - rk); k <= Math.min(img.d - 1, ck + rk); k++) {
            for (int j = Math.max(0, cj - rj); j <= Math.min(img.h - 1, cj + rj); j++) {
                for (int i = Math.max(0, ci - ri); i <= Math.min(img.w - 1, ci + ri); i++) {
                    double dx = (i - ci) * img.sx;
                    double dy = (j - cj) * img.sy;
                    double dz = (k - ck) * img.sz;
                    if (dx * dx + dy * dy + dz * dz > r2) {
                        continue;
                    }
                    int v = img.index(i, j, k);
                    // Strict '>' with a fixed scan order keeps ties deterministic.
                    if (values[v] > bestValue) {
                        bestValue = values[v];
                        best = v;
                    }
                }
            }
        }
        return climb(img, values, best);
    }

    private static int climb(WindowImage img, float[] values, int start) {
        int v = start;
        for (int step = 0; step < MAX_CLIMB_STEPS; step++) {
            int i = img.i(v);
            int j = img.j(v);
            int k = img.k(v);
            int next = v;
            float nextValue = values[v];
            for (int c = Math.max(0, k - 1); c <= Math.min(img.d - 1, k + 1); c++) {
                for (int b = Math.max(0, j - 1); b <= Math.min(img.h - 1, j + 1); b++) {
                    for (int a = Math.max(0, i - 1); a <= Math.min(img.w - 1, i + 1); a++) {
                        int u = img.index(a, b, c);
                        if (values[u] > nextValue) {
                            nextValue = values[u];
                            next = u;
                        }
                    }
                }
            }
            if (next == v) {
                return v;
            }
            v = next;
        }
        return v;
    }
}
