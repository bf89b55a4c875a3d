package org.petal.ml.segment.suvgrow;

/**
 * Cuts an organ's first grow at narrow contacts: an opening of one voxel (erode, keep the part holding
 * the click, dilate back within the region). Two organs of similar uptake that touch through a thin
 * bridge of voxels (spleen and stomach wall, liver and right kidney at a few points) come apart; the
 * organ's own body, many voxels thick, survives whole. Measured on 20 phantoms at 5 clicks: spleen 0.81 →
 * 0.89, liver 0.94 → 0.96, bladder 0.96 → 0.98, lungs 0.49 → 0.67; the heart falls 0.68 → 0.60 (its
 * FDG wall is barely thicker than the cut). Only the first click's grow is cut: later include clicks add
 * their own grows untouched, so a user can always add back what the cut took.
 */
final class NarrowCut {

    private NarrowCut() {}

    /** @param regionCount voxels in the region (the grow's count), for the share the cut keeps */
    static void apply(WindowImage img, byte[] mask, int click, int regionCount, Scratch scratch) {
        if (click < 0 || mask[click] == 0 || !interior(img, mask, click)) {
            return;  // a click on the region's own rim: nothing to anchor the kept part on
        }
        int[] box = MaskBox.of(img, mask);
        int w = img.w;
        int plane = w * img.h;
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int[] queue = scratch.ints(1, img.n);
        // The eroded component of the click, found without building the eroded mask: a voxel is in the
        // eroded region when it and its six neighbours are in the region.
        int tail = 0;
        stamp[click] = gen;
        queue[tail++] = click;
        for (int head = 0; head < tail; head++) {
            int x = queue[head];
            tail = visit(img, mask, stamp, gen, queue, tail, x, w, plane, true);
        }
        // Dilate back by one voxel, within the region.
        int eroded = tail;
        for (int head = 0; head < eroded; head++) {
            tail = visit(img, mask, stamp, gen, queue, tail, queue[head], w, plane, false);
        }
        if (tail < MIN_KEPT * regionCount) {
            return;
        }
        for (int k = box[2]; k <= box[5]; k++) {
            for (int j = box[1]; j <= box[4]; j++) {
                int row = w * (j + img.h * k);
                for (int x = row + box[0], end = row + box[3]; x <= end; x++) {
                    if (mask[x] != 0 && stamp[x] != gen) {
                        mask[x] = 0;
                    }
                }
            }
        }
    }

    /**
     * A cut keeping less than this share of the region did not part two bodies: the region is thin nearly
     * everywhere (a myocardial wall of two or three voxels), and the opening only shreds it.
     */
    static final double MIN_KEPT = 0.2;

    /** Queues the unvisited region neighbours of x (only interior ones when {@code interiorOnly}). */
    private static int visit(WindowImage img, byte[] mask, int[] stamp, int gen, int[] queue, int tail, int x, int w,
                             int plane, boolean interiorOnly) {
        int i = x % w;
        int j = (x / w) % img.h;
        int k = x / plane;
        for (int e = 0; e < 6; e++) {
            int u;
            int a = i;
            int b = j;
            int c = k;
            switch (e) {
                case 0 -> { if (i + 1 >= w) continue; u = x + 1; a = i + 1; }
                case 1 -> { if (i == 0) continue; u = x - 1; a = i - 1; }
                case 2 -> { if (j + 1 >= img.h) continue; u = x + w; b = j + 1; }
                case 3 -> { if (j == 0) continue; u = x - w; b = j - 1; }
                case 4 -> { if (k + 1 >= img.d) continue; u = x + plane; c = k + 1; }
                default -> { if (k == 0) continue; u = x - plane; c = k - 1; }
            }
            if (stamp[u] == gen || mask[u] == 0 || (interiorOnly && !interior(img, mask, u, a, b, c))) {
                continue;
            }
            stamp[u] = gen;
            queue[tail++] = u;
        }
        return tail;
    }

    private static boolean interior(WindowImage img, byte[] mask, int x) {
        int w = img.w;
        int plane = w * img.h;
        return interior(img, mask, x, x % w, (x / w) % img.h, x / plane);
    }

    /** Voxel x at (i, j, k) and its six neighbours are in the region (voxels on the window's faces never are). */
    private static boolean interior(WindowImage img, byte[] mask, int x, int i, int j, int k) {
        int w = img.w;
        int plane = w * img.h;
        return i > 0 && i + 1 < w && j > 0 && j + 1 < img.h && k > 0 && k + 1 < img.d
            && mask[x - 1] != 0 && mask[x + 1] != 0 && mask[x - w] != 0 && mask[x + w] != 0
            && mask[x - plane] != 0 && mask[x + plane] != 0;
    }
}
