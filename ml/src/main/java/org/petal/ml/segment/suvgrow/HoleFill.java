package org.petal.ml.segment.suvgrow;

/**
 * Fills enclosed holes of a mask: background voxels that cannot reach the border of the mask's bounding
 * box (plus one voxel) through 6-connected background. Finding the box is one row-wise scan of the window
 * ({@link MaskBox}); the fill itself is a scanline fill
 * ({@link SpanFill}) that only visits that box, so the rest of the cost follows the object, not the window.
 */
final class HoleFill {

    private HoleFill() {}

    static void fill(WindowImage img, byte[] mask, Scratch scratch) {
        int[] box = MaskBox.of(img, mask);
        if (box == null) {
            return;
        }
        int w = img.w;
        int h = img.h;
        int i0 = box[0], j0 = box[1], k0 = box[2], i1 = box[3], j1 = box[4], k1 = box[5];
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
