package org.petal.ml.phantom;

import java.util.BitSet;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

/** Test helper: measurements over label regions, as a reader would take them on a PET workstation. */
final class VolumeStats {

    private VolumeStats() {}

    /**
     * Voxels of {@code label} whose whole (2r+1)³ neighbourhood carries the same label: the organ's core,
     * free of partial-volume spill from its neighbours.
     */
    static BitSet core(LabelVolume labels, int label, int r) {
        VolumeGeometry g = labels.geometry();
        BitSet out = new BitSet();
        for (int k = r; k < g.nz() - r; k++) {
            for (int j = r; j < g.ny() - r; j++) {
                for (int i = r; i < g.nx() - r; i++) {
                    if (labels.get(i, j, k) == label && cubeIs(labels, i, j, k, r, label)) {
                        out.set(g.index(i, j, k));
                    }
                }
            }
        }
        return out;
    }

    private static boolean cubeIs(LabelVolume labels, int i, int j, int k, int r, int label) {
        for (int c = -r; c <= r; c++) {
            for (int b = -r; b <= r; b++) {
                for (int a = -r; a <= r; a++) {
                    if (labels.get(i + a, j + b, k + c) != label) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static BitSet voxelsOf(LabelVolume labels, int label) {
        BitSet out = new BitSet();
        for (int n = 0; n < labels.labels().length; n++) {
            if (labels.get(n) == label) {
                out.set(n);
            }
        }
        return out;
    }

    static double mean(float[] values, BitSet mask) {
        double sum = 0;
        for (int n = mask.nextSetBit(0); n >= 0; n = mask.nextSetBit(n + 1)) {
            sum += values[n];
        }
        return sum / mask.cardinality();
    }

    static double std(float[] values, BitSet mask) {
        double m = mean(values, mask);
        double ss = 0;
        for (int n = mask.nextSetBit(0); n >= 0; n = mask.nextSetBit(n + 1)) {
            ss += (values[n] - m) * (values[n] - m);
        }
        return Math.sqrt(ss / (mask.cardinality() - 1));
    }

    static double max(float[] values, BitSet mask) {
        double max = Double.NEGATIVE_INFINITY;
        for (int n = mask.nextSetBit(0); n >= 0; n = mask.nextSetBit(n + 1)) {
            max = Math.max(max, values[n]);
        }
        return max;
    }

    /** Mean LPS position (mm) of the voxels in the mask. */
    static double[] centroidLps(VolumeGeometry g, BitSet mask) {
        double si = 0, sj = 0, sk = 0;
        int n = 0;
        for (int idx = mask.nextSetBit(0); idx >= 0; idx = mask.nextSetBit(idx + 1)) {
            si += idx % g.nx();
            sj += (idx / g.nx()) % g.ny();
            sk += idx / (g.nx() * g.ny());
            n++;
        }
        return g.voxelToLps(si / n, sj / n, sk / n);
    }

    /** Lesion voxels connected (6-neighbourhood) to the lesion's centre voxel. */
    static BitSet component(LabelVolume labels, int seedIndex) {
        VolumeGeometry g = labels.geometry();
        int label = labels.get(seedIndex);
        BitSet out = new BitSet();
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        out.set(seedIndex);
        queue.add(seedIndex);
        int plane = g.nx() * g.ny();
        while (!queue.isEmpty()) {
            int idx = queue.poll();
            int i = idx % g.nx(), j = (idx / g.nx()) % g.ny(), k = idx / plane;
            int[][] nb = {{i + 1, j, k}, {i - 1, j, k}, {i, j + 1, k}, {i, j - 1, k}, {i, j, k + 1}, {i, j, k - 1}};
            for (int[] p : nb) {
                if (g.contains(p[0], p[1], p[2])) {
                    int n = g.index(p[0], p[1], p[2]);
                    if (!out.get(n) && labels.get(n) == label) {
                        out.set(n);
                        queue.add(n);
                    }
                }
            }
        }
        return out;
    }
}
