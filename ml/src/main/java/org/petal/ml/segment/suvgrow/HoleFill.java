package org.petal.ml.segment.suvgrow;

/**
 * Fills enclosed holes of a mask: background voxels that cannot reach the border of the mask's bounding
 * box (plus one voxel) through 6-connected background.
 *
 * <p>Only the gaps need a search. A background voxel before a row's first or after its last mask voxel
 * reaches the box border along its row, so it is outside; what can be a hole lies strictly between a row's
 * first and last mask voxel (a gap voxel). Gaps touching an outside voxel across a row (along j or k; along
 * i a gap's background neighbours are gaps too) or lying in a row on the box's own faces are outside, and
 * so is every gap connected to those through gaps; the other gaps are holes. One pass over the window finds
 * the rows' spans (and the box), one over the spans finds the gaps, and the search visits gaps only: a
 * liver at 2 mm has ~1 M background voxels around it in its box but few gaps. The filled set is exactly that
 * of a breadth-first search from the box border (checked against it in
 * {@code SuvGrowOptimisationEquivalenceTest}).
 */
final class HoleFill {

    private HoleFill() {}

    static void fill(WindowImage img, byte[] mask, Scratch scratch) {
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int plane = w * h;
        int rows = h * d;
        // first[r] / last[r]: the first and last mask voxel of row r = j + h·k, or −1.
        int[] spans = scratch.ints(2, 2 * rows);
        int i0 = w, j0 = h, k0 = d, i1 = -1, j1 = -1, k1 = -1;
        for (int r = 0, v = 0; r < rows; r++, v += w) {
            int first = -1;
            for (int i = 0; i < w; i++) {
                if (mask[v + i] != 0) {
                    first = i;
                    break;
                }
            }
            spans[2 * r] = first;
            if (first < 0) {
                spans[2 * r + 1] = -1;
                continue;
            }
            int last = w - 1;
            while (mask[v + last] == 0) {
                last--;
            }
            spans[2 * r + 1] = last;
            int j = r % h;
            int k = r / h;
            i0 = Math.min(i0, first); i1 = Math.max(i1, last);
            j0 = Math.min(j0, j); j1 = Math.max(j1, j);
            k0 = Math.min(k0, k); k1 = Math.max(k1, k);
        }
        if (i1 < 0) {
            return;
        }
        // The box of MaskBox: grown by one voxel, clipped to the window.
        j0 = Math.max(0, j0 - 1);
        k0 = Math.max(0, k0 - 1);
        j1 = Math.min(h - 1, j1 + 1);
        k1 = Math.min(d - 1, k1 + 1);
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();  // stamp == gen: a gap known to be outside
        int[] queue = scratch.ints(1, img.n);
        int tail = 0;
        int gaps = 0;
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int r = j + h * k;
                int first = spans[2 * r];
                int last = spans[2 * r + 1];
                if (last - first < 2) {
                    continue;  // empty row, or no voxel between first and last
                }
                boolean face = j == j0 || j == j1 || k == k0 || k == k1;
                int row = w * r;
                for (int i = first + 1; i < last; i++) {
                    int x = row + i;
                    if (mask[x] != 0) {
                        continue;
                    }
                    gaps++;
                    // Neighbour rows exist inside the box for a row that is not on its faces.
                    if (face || outside(mask, spans, x - w, i, r - 1) || outside(mask, spans, x + w, i, r + 1)
                        || outside(mask, spans, x - plane, i, r - h) || outside(mask, spans, x + plane, i, r + h)) {
                        stamp[x] = gen;
                        queue[tail++] = x;
                    }
                }
            }
        }
        if (gaps == 0) {
            return;
        }
        // Outside spreads through gaps (6-connected); a background neighbour of a gap along i is a gap, and
        // one across rows that is not a gap is outside already.
        for (int head = 0; head < tail; head++) {
            int x = queue[head];
            int r = x / w;
            int i = x - r * w;
            int j = r % h;
            int k = r / h;
            tail = spread(mask, spans, stamp, gen, queue, tail, x - 1, i - 1, r);
            tail = spread(mask, spans, stamp, gen, queue, tail, x + 1, i + 1, r);
            if (j > j0) {
                tail = spread(mask, spans, stamp, gen, queue, tail, x - w, i, r - 1);
            }
            if (j < j1) {
                tail = spread(mask, spans, stamp, gen, queue, tail, x + w, i, r + 1);
            }
            if (k > k0) {
                tail = spread(mask, spans, stamp, gen, queue, tail, x - plane, i, r - h);
            }
            if (k < k1) {
                tail = spread(mask, spans, stamp, gen, queue, tail, x + plane, i, r + h);
            }
        }
        if (tail == gaps) {
            return;
        }
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                int r = j + h * k;
                int first = spans[2 * r];
                int last = spans[2 * r + 1];
                int row = w * r;
                for (int i = first + 1; i < last; i++) {
                    int x = row + i;
                    if (mask[x] == 0 && stamp[x] != gen) {
                        mask[x] = 1;
                    }
                }
            }
        }
    }

    /** Background voxel x (column i of row r) lies outside its row's span: it reaches the box border along the row. */
    private static boolean outside(byte[] mask, int[] spans, int x, int i, int r) {
        return mask[x] == 0 && (i < spans[2 * r] || i > spans[2 * r + 1]);
    }

    /** Queues x (column i of row r) when it is a gap not yet known to be outside. */
    private static int spread(byte[] mask, int[] spans, int[] stamp, int gen, int[] queue, int tail, int x, int i, int r) {
        if (mask[x] == 0 && stamp[x] != gen && i > spans[2 * r] && i < spans[2 * r + 1]) {
            stamp[x] = gen;
            queue[tail++] = x;
        }
        return tail;
    }
}
