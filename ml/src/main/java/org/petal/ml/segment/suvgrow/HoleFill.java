package org.petal.ml.segment.suvgrow;

/**
 * Fills enclosed holes of a mask: background voxels that cannot reach the border of the mask's bounding
 * box (plus one voxel) through 6-connected background. Only that box is visited, so the cost follows the
 * object, not the window.
 */
final class HoleFill {

    private HoleFill() {}

    static void fill(WindowImage img, byte[] mask, Scratch scratch) {
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int i0 = w, j0 = h, k0 = d, i1 = -1, j1 = -1, k1 = -1;
        for (int v = 0; v < img.n; v++) {
            if (mask[v] != 0) {
                int i = v % w;
                int j = (v / w) % h;
                int k = v / (w * h);
                i0 = Math.min(i0, i); i1 = Math.max(i1, i);
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
        int[] queue = scratch.ints(0, img.n);
        int tail = 0;
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    boolean border = i == i0 || i == i1 || j == j0 || j == j1 || k == k0 || k == k1;
                    int v = img.index(i, j, k);
                    if (border && mask[v] == 0) {
                        stamp[v] = gen;
                        queue[tail++] = v;
                    }
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            int i = img.i(v);
            int j = img.j(v);
            int k = img.k(v);
            for (int e = 0; e < 6; e++) {
                int a = i + Connectivity.SIX.di(e);
                int b = j + Connectivity.SIX.dj(e);
                int c = k + Connectivity.SIX.dk(e);
                if (a < i0 || b < j0 || c < k0 || a > i1 || b > j1 || c > k1) {
                    continue;
                }
                int u = img.index(a, b, c);
                if (stamp[u] != gen && mask[u] == 0) {
                    stamp[u] = gen;
                    queue[tail++] = u;
                }
            }
        }
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    int v = img.index(i, j, k);
                    if (mask[v] == 0 && stamp[v] != gen) {
                        mask[v] = 1;
                    }
                }
            }
        }
    }
}
