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

    /**
     * @param regionCount voxels in the region (the grow's count), for the share the cut keeps
     * @return whether the opening was applied; false when the region was left as it was (no interior click
     *         to anchor the kept part on, or a cut that would keep less than {@link #MIN_KEPT})
     */
    static boolean apply(WindowImage img, byte[] mask, int click, int regionCount, Scratch scratch) {
        if (click < 0 || mask[click] == 0 || !interior(img, mask, click)) {
            return false;  // a click on the region's own rim: nothing to anchor the kept part on
        }
        int[] box = MaskBox.of(img, mask);
        int w = img.w;
        int h = img.h;
        int plane = w * h;
        int i0 = box[0], j0 = box[1], k0 = box[2], i1 = box[3], j1 = box[4], k1 = box[5];
        // Streaming passes over the region's box instead of a breadth-first search that tests six
        // neighbours' interiors per voxel (same kept set; 9 → 4.7 ms on the benchmark's liver at 2 mm).
        // 1. The eroded region: a voxel whose six neighbours are in the region (never on a window face).
        byte[] eroded = scratch.bytes2(img.n);
        for (int k = k0; k <= k1; k++) {
            boolean kIn = k > 0 && k + 1 < img.d;
            for (int j = j0; j <= j1; j++) {
                int row = w * (j + h * k);
                boolean rowIn = kIn && j > 0 && j + 1 < h;
                for (int i = i0; i <= i1; i++) {
                    int x = row + i;
                    eroded[x] = (byte) (rowIn && i > 0 && i + 1 < w && mask[x] != 0 && mask[x - 1] != 0 && mask[x + 1] != 0
                        && mask[x - w] != 0 && mask[x + w] != 0 && mask[x - plane] != 0 && mask[x + plane] != 0 ? 1 : 0);
                }
            }
        }
        // 2. Its component holding the click (6-connected, scanline fill).
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        SpanFill fill = scratch.spanFill();
        fill.begin(img, eroded, true, i0, j0, k0, i1, j1, k1, stamp, gen);
        fill.seed(img.i(click), img.j(click), img.k(click));
        fill.run();
        // 3. Dilated back by one voxel within the region: region voxels that are, or touch, that component.
        // Component voxels lie off the window faces, so a face voxel's missing neighbour is never needed.
        int kept = 0;
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int row = w * (j + h * k);
                for (int i = i0; i <= i1; i++) {
                    int x = row + i;
                    byte keep = 0;
                    if (mask[x] != 0 && (stamp[x] == gen
                        || (i > 0 && stamp[x - 1] == gen) || (i + 1 < w && stamp[x + 1] == gen)
                        || (j > 0 && stamp[x - w] == gen) || (j + 1 < h && stamp[x + w] == gen)
                        || (k > 0 && stamp[x - plane] == gen) || (k + 1 < img.d && stamp[x + plane] == gen))) {
                        keep = 1;
                        kept++;
                    }
                    eroded[x] = keep;  // step 1's flags are no longer read: reuse the buffer for the kept set
                }
            }
        }
        if (kept < MIN_KEPT * regionCount) {
            return false;
        }
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int row = w * (j + h * k);
                for (int x = row + i0, end = row + i1; x <= end; x++) {
                    mask[x] = eroded[x];
                }
            }
        }
        return true;
    }

    /**
     * A cut keeping less than this share of the region did not part two bodies: the region is thin nearly
     * everywhere (a myocardial wall of two or three voxels), and the opening only shreds it.
     */
    static final double MIN_KEPT = 0.2;

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
