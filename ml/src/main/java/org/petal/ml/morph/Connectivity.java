package org.petal.ml.morph;

/** Which neighbours touch: faces only (6) or faces, edges and corners (26). */
public enum Connectivity {
    SIX,
    TWENTY_SIX;

    /** Neighbour offsets {@code {di, dj, dk}}. */
    int[][] offsets() {
        int[][] out = new int[this == SIX ? 6 : 26][];
        int n = 0;
        for (int dk = -1; dk <= 1; dk++) {
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int manhattan = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
                    if (manhattan == 0 || (this == SIX && manhattan > 1)) {
                        continue;
                    }
                    out[n++] = new int[] {di, dj, dk};
                }
            }
        }
        return out;
    }
}
