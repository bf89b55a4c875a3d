package org.petal.ml.segment.suvgrow;

/**
 * How much of a lowered interval's grow lies far from the grow it replaces. An include click that lowers an
 * organ's floor should move its contour (the bladder's blurred rim, a whole layer around it, is the common
 * case), not reach a new structure: a click on a noise-cold voxel inside a liver took the floor to 1.7 and
 * the grow went on through the marrow and the abdominal wall (Dice 0.96 → 0.86). A contour move adds voxels
 * next to the old region; a leak adds voxels that are far from it.
 *
 * <p>Breadth-first search from the old region through the new voxels (6-connected), {@link #REACH_MM} deep;
 * cost: one pass over the window and a visit of each new voxel at most once. The new grow is its own visit
 * mark (a reached voxel is cleared from it), so nothing of window size is allocated.
 */
final class FarGrowth {

    /** A new voxel further than this from the old region (along new voxels) was reached by a leak. */
    static final double REACH_MM = 12.0;

    /**
     * An organ's lowered interval whose far voxels exceed this share of its old grow leaked. At 0.15 the
     * three liver floods of seed 7's phantoms (0.85–0.86 → 0.96) and two older ones (0.90–0.94 → 0.95–0.97)
     * are refused; a missed liver lobe is far too and is then added by the click's local grow instead,
     * which cost three livers 0.96–0.98 → 0.95–0.97 (20 phantoms each of seeds 42 and 7, 5 clicks).
     */
    static final double LEAK_SHARE = 0.15;

    private FarGrowth() {}

    /**
     * @param before the old grow (not modified)
     * @param after  the new grow, a superset of {@code before}; consumed: the new voxels found near the old
     *               grow are cleared from it
     * @return how many voxels of {@code after} are not within {@link #REACH_MM} of {@code before}
     */
    static int count(WindowImage img, byte[] before, byte[] after, Scratch scratch) {
        int w = img.w;
        int h = img.h;
        int plane = w * h;
        int steps = (int) Math.round(REACH_MM / Math.min(img.sx, Math.min(img.sy, img.sz)));
        int[] queue = scratch.ints(1, img.n);
        int tail = 0;
        int added = 0;
        for (int v = 0; v < img.n; v++) {
            if (before[v] != 0) {
                queue[tail++] = v;
            } else if (after[v] != 0) {
                added++;
            }
        }
        int head = 0;
        int reached = 0;
        for (int depth = 0; depth < steps && head < tail; depth++) {
            int end = tail;
            for (; head < end; head++) {
                int v = queue[head];
                int i = v % w;
                int j = (v / w) % h;
                int k = v / plane;
                for (int s = 0; s < 6; s++) {
                    int u = neighbour(v, s, i, j, k, img);
                    if (u >= 0 && after[u] != 0 && before[u] == 0) {
                        after[u] = 0;
                        queue[tail++] = u;
                        reached++;
                    }
                }
            }
        }
        return added - reached;
    }

    /** The s-th 6-neighbour of voxel v at (i, j, k), or −1 outside the window. */
    private static int neighbour(int v, int s, int i, int j, int k, WindowImage img) {
        return switch (s) {
            case 0 -> i > 0 ? v - 1 : -1;
            case 1 -> i + 1 < img.w ? v + 1 : -1;
            case 2 -> j > 0 ? v - img.w : -1;
            case 3 -> j + 1 < img.h ? v + img.w : -1;
            case 4 -> k > 0 ? v - img.w * img.h : -1;
            default -> k + 1 < img.d ? v + img.w * img.h : -1;
        };
    }
}
