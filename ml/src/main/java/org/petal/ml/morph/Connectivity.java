package org.petal.ml.morph;

/**
 * Which neighbours touch: faces only (6) or faces, edges and corners (26).
 *
 * <p>Region growing ({@code suvgrow}) defaults to {@link #SIX}: PET structures are blurred by a PSF of
 * several mm, so a real lesion or organ is always face-connected, while diagonal single-voxel bridges are
 * where a grow leaks into a touching hot neighbour. Lesion objects in the evaluation use {@link #TWENTY_SIX}.
 *
 * <p>The neighbour order is fixed (SIX: +i, −i, +j, −j, +k, −k; TWENTY_SIX: raster order) because
 * breadth-first grows visit voxels in that order and sum statistics along it.
 */
public enum Connectivity {
    SIX(new int[][] {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}}),
    TWENTY_SIX(all26());

    private final int[] di;
    private final int[] dj;
    private final int[] dk;

    Connectivity(int[][] offsets) {
        di = new int[offsets.length];
        dj = new int[offsets.length];
        dk = new int[offsets.length];
        for (int n = 0; n < offsets.length; n++) {
            di[n] = offsets[n][0];
            dj[n] = offsets[n][1];
            dk[n] = offsets[n][2];
        }
    }

    /** Number of neighbours. */
    public int size() { return di.length; }

    public int di(int n) { return di[n]; }

    public int dj(int n) { return dj[n]; }

    public int dk(int n) { return dk[n]; }

    /** Neighbour offsets {@code {di, dj, dk}}, in the fixed order. */
    int[][] offsets() {
        int[][] out = new int[size()][];
        for (int n = 0; n < size(); n++) {
            out[n] = new int[] {di[n], dj[n], dk[n]};
        }
        return out;
    }

    private static int[][] all26() {
        int[][] o = new int[26][];
        int n = 0;
        for (int k = -1; k <= 1; k++) {
            for (int j = -1; j <= 1; j++) {
                for (int i = -1; i <= 1; i++) {
                    if (i != 0 || j != 0 || k != 0) {
                        o[n++] = new int[] {i, j, k};
                    }
                }
            }
        }
        return o;
    }
}
