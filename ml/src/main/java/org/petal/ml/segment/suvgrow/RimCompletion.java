package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;

/**
 * Completes an organ's partial-volume rim. The statistics grow keeps voxels near the organ's own level, but
 * the scanner's blur puts the organ's true border where the image is half-way between organ and surround:
 * the outermost voxel layer is darker than the interval and is left out (at 4 mm a kidney loses a third of
 * its voxels that way). Here the voxels of the first layer outside the region whose SUV is at least
 * half-way between the region's mean and its surround's (the layer {@link #SURROUND_LAYER} voxels out)
 * join; for an organ colder than its surround (the lungs) those at most half-way.
 * Bounded by construction: at most {@link #LAYERS} voxel layers are added, so it cannot flood a neighbour.
 */
final class RimCompletion {

    /** Voxel layers that may join (two made the bladder better and the spleen and right kidney worse). */
    static final int LAYERS = 1;
    /** The surround's level is the mean of this layer outside the region: past the blurred edge. */
    static final int SURROUND_LAYER = 3;
    /** Half-way between surround and organ, where the blur puts a step edge (0.4–0.6 measured alike). */
    static final double FRACTION = 0.5;

    private RimCompletion() {}

    static void complete(WindowImage img, byte[] mask, Scratch scratch) {
        float[] v = img.suv;
        int[] queue = scratch.ints(1, img.n);
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int tail = 0;
        double inside = 0;
        for (int x = 0; x < img.n; x++) {
            if (mask[x] != 0) {
                stamp[x] = gen;
                queue[tail++] = x;
                inside += v[x];
            }
        }
        if (tail == 0) {
            return;
        }
        double regionMean = inside / tail;
        int[] layerStart = new int[SURROUND_LAYER + 2];
        layerStart[0] = 0;
        int head = 0;
        for (int layer = 1; layer <= SURROUND_LAYER; layer++) {
            int end = tail;
            layerStart[layer] = end;
            for (; head < end; head++) {
                int x = queue[head];
                int i = img.i(x);
                int j = img.j(x);
                int k = img.k(x);
                for (int e = 0; e < 6; e++) {
                    int a = i + Connectivity.SIX.di(e);
                    int b = j + Connectivity.SIX.dj(e);
                    int c = k + Connectivity.SIX.dk(e);
                    if (a < 0 || b < 0 || c < 0 || a >= img.w || b >= img.h || c >= img.d) {
                        continue;
                    }
                    int u = img.index(a, b, c);
                    if (stamp[u] != gen) {
                        stamp[u] = gen;
                        queue[tail++] = u;
                    }
                }
            }
        }
        layerStart[SURROUND_LAYER + 1] = tail;
        int s0 = layerStart[SURROUND_LAYER];
        int s1 = layerStart[SURROUND_LAYER + 1];
        if (s1 <= s0) {
            return;
        }
        double surround = 0;
        for (int q = s0; q < s1; q++) {
            surround += v[queue[q]];
        }
        surround /= (s1 - s0);
        float level = (float) (surround + FRACTION * (regionMean - surround));
        // A cold organ (the lungs) in warmer tissue has a rim brighter than itself: the half-way test flips.
        boolean warmOrgan = regionMean >= surround;
        for (int layer = 1; layer <= LAYERS; layer++) {
            for (int q = layerStart[layer]; q < layerStart[layer + 1]; q++) {
                int x = queue[q];
                if ((warmOrgan ? v[x] >= level : v[x] <= level) && touches(img, mask, x)) {
                    mask[x] = 2;  // marked, set to 1 below so a layer grows only from the one before
                }
            }
            for (int q = layerStart[layer]; q < layerStart[layer + 1]; q++) {
                if (mask[queue[q]] == 2) {
                    mask[queue[q]] = 1;
                }
            }
        }
    }

    private static boolean touches(WindowImage img, byte[] mask, int x) {
        int i = img.i(x);
        int j = img.j(x);
        int k = img.k(x);
        for (int e = 0; e < 6; e++) {
            int a = i + Connectivity.SIX.di(e);
            int b = j + Connectivity.SIX.dj(e);
            int c = k + Connectivity.SIX.dk(e);
            if (a < 0 || b < 0 || c < 0 || a >= img.w || b >= img.h || c >= img.d) {
                continue;
            }
            if (mask[img.index(a, b, c)] == 1) {
                return true;
            }
        }
        return false;
    }
}
