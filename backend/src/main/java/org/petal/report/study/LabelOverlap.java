package org.petal.report.study;

/**
 * Voxel counts of every label value (0–255) in two label maps of the same case, and in both at once — all a
 * per-label Dice needs. One pass over the voxels; maps are one unsigned byte per voxel, as stored.
 */
final class LabelOverlap {

    private final long[] voxelsA;
    private final long[] voxelsB;
    private final long[] overlap;

    LabelOverlap(long[] voxelsA, long[] voxelsB, long[] overlap) {
        this.voxelsA = voxelsA;
        this.voxelsB = voxelsB;
        this.overlap = overlap;
    }

    static LabelOverlap of(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("label maps of " + a.length + " and " + b.length + " voxels");
        }
        long[] ca = new long[256];
        long[] cb = new long[256];
        long[] both = new long[256];
        for (int i = 0; i < a.length; i++) {
            int x = a[i] & 0xff;
            int y = b[i] & 0xff;
            ca[x]++;
            cb[y]++;
            if (x == y) {
                both[x]++;
            }
        }
        return new LabelOverlap(ca, cb, both);
    }

    long voxelsA(int label) { return voxelsA[label]; }
    long voxelsB(int label) { return voxelsB[label]; }
    long overlap(int label) { return overlap[label]; }

    /** True when the label has voxels in either map. */
    boolean present(int label) {
        return voxelsA[label] + voxelsB[label] > 0;
    }

    /** 2·|A∩B| / (|A| + |B|) of the label; null when it is empty in both maps (agreement on nothing is undefined). */
    Double dice(int label) {
        return dice(voxelsA[label], voxelsB[label], overlap[label]);
    }

    static Double dice(long a, long b, long both) {
        return a + b == 0 ? null : 2.0 * both / (a + b);
    }
}
