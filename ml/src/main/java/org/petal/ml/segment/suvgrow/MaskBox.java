package org.petal.ml.segment.suvgrow;

/** The bounding box of a window mask's foreground, grown by one voxel and clipped to the window. */
final class MaskBox {

    private MaskBox() {}

    /** {i0, j0, k0, i1, j1, k1} inclusive, or null for an empty mask. Rows without foreground cost one pass. */
    static int[] of(WindowImage img, byte[] mask) {
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
            return null;
        }
        return new int[] {Math.max(0, i0 - 1), Math.max(0, j0 - 1), Math.max(0, k0 - 1),
            Math.min(w - 1, i1 + 1), Math.min(h - 1, j1 + 1), Math.min(d - 1, k1 + 1)};
    }
}
