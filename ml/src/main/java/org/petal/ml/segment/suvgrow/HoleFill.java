package org.petal.ml.segment.suvgrow;

/**
 * Fills enclosed holes of a mask: background voxels that cannot reach the border of the mask's bounding
 * box (plus one voxel) through 6-connected background. Finding the box is one row-wise scan of the window
 * (rows without foreground are skipped after one pass over their bytes); the fill itself is a scanline fill
 * ({@link SpanFill}) that only visits that box, so the rest of the cost follows the object, not the window.
 */
final class HoleFill {

    private HoleFill() {}

    static void fill(WindowImage img, byte[] mask, Scratch scratch) {
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int i0 = w, j0 = h, k0 = d, i1 = -1, j1 = -1, k1 = -1;
        int v = 0;
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++, v += w) {
                int first = -1;
                for (int i = 0; i < w; i++) {
                    if (mask[v + i] != 0) {
                        first = i;
                        break;
                    }
                }
                if (first < 0) {
                    continue;
                }
                int last = w - 1;
                while (mask[v + last] == 0) {
                    last--;
                }
                i0 = Math.min(i0, first); i1 = Math.max(i1, last);
                j0 = Math.min(j0, j); j1 = Math.max(j1, j);
                k0 = Math.min(k0, k); k1 = Math.max(k1, k);
            }
        }
        if (i1 < 0) {
            return;
        }
        i0 = Math.max(0, i0 - 1); j0 = Math.max(0, j0 - 1); k0 = Math.max(0, k0 - 1);
        i1 = Math.min(w - 1, i1 + 1); j1 = Math.min(h - 1, j1 + 1); k1 = Math.min(d - 1, k1 + 1);
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        // Background reachable from the box border, by scanline fill (same set as a 6-connected BFS).
        SpanFill fill = scratch.spanFill();
        fill.begin(img, mask, false, i0, j0, k0, i1, j1, k1, stamp, gen);
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                if (j == j0 || j == j1 || k == k0 || k == k1) {
                    fill.seedRow(j, k);
                } else {
                    fill.seed(i0, j, k);
                    fill.seed(i1, j, k);
                }
            }
        }
        fill.run();
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int row = w * (j + h * k);
                for (int x = row + i0, end = row + i1; x <= end; x++) {
                    if (mask[x] == 0 && stamp[x] != gen) {
                        mask[x] = 1;
                    }
                }
            }
        }
    }
}
