package org.petal.ml.segment.suvgrow;

/**
 * Which neighbours a region grow may step to.
 *
 * <p>{@link #SIX} (faces only) is the default: PET structures are blurred by a PSF of several mm, so a
 * real lesion or organ is always face-connected, while diagonal single-voxel bridges are where a grow
 * leaks into a touching hot neighbour (lesion beside bladder or kidney). It is also 4× cheaper.
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

    int size() { return di.length; }
    int di(int n) { return di[n]; }
    int dj(int n) { return dj[n]; }
    int dk(int n) { return dk[n]; }

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
