package org.petal.ml.segment.suvgrow;

import java.util.Arrays;

/**
 * The voxel set of {@link RegionGrower#grow} (6-connected, no ball) by scanline fill: seeds, and every voxel
 * with a value in {@code [lo, hi]} connected to a seed through such voxels. It visits maximal runs along
 * {@code i} instead of single voxels (no per-voxel index division, rows read in order), at about half the
 * cost of the breadth-first grow on a liver; it gives no grown list in visiting order, so it serves where
 * only the set and its size matter. One instance per {@link Scratch}.
 */
final class RangeFill {

    private int[] stack = new int[1024];
    private int top;

    /**
     * Sets {@code mask[v] = 1} for the grown set and returns its size (seeds included, each once), exactly as
     * {@link RegionGrower#grow} with {@code Connectivity.SIX} and no ball.
     */
    int grow(WindowImage img, float[] values, float lo, float hi, int[] seeds, int seedCount, byte[] mask, Scratch scratch) {
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int plane = w * h;
        top = 0;
        int count = 0;
        for (int s = 0; s < seedCount; s++) {
            int v = seeds[s];
            if (v < 0 || stamp[v] == gen) {
                continue;
            }
            float x = values[v];
            if (x >= lo && x <= hi) {
                push(v);  // an in-range seed starts a run like any other voxel
                continue;
            }
            // A seed outside the range belongs (the caller decided) but only its in-range neighbours continue.
            stamp[v] = gen;
            mask[v] = 1;
            count++;
            int q = v / w;
            int i = v - q * w;
            int k = q / h;
            int j = q - k * h;
            if (i + 1 < w) push(v + 1);
            if (i > 0) push(v - 1);
            if (j + 1 < h) push(v + w);
            if (j > 0) push(v - w);
            if (k + 1 < d) push(v + plane);
            if (k > 0) push(v - plane);
        }
        while (top > 0) {
            int v = stack[--top];
            if (stamp[v] == gen) {
                continue;
            }
            float x = values[v];
            if (!(x >= lo && x <= hi)) {
                continue;  // a pushed neighbour of an outside seed that is not in range
            }
            int q = v / w;
            int i = v - q * w;
            int rowBase = v - i;
            int k = q / h;
            int j = q - k * h;
            // Runs are always stamped whole, so an unstamped in-range voxel's maximal run is unstamped too
            // (outside seeds are out of range and never part of a run).
            int l = i;
            while (l > 0 && in(values, rowBase + l - 1, lo, hi)) {
                l--;
            }
            int r = i;
            while (r + 1 < w && in(values, rowBase + r + 1, lo, hi)) {
                r++;
            }
            Arrays.fill(stamp, rowBase + l, rowBase + r + 1, gen);
            Arrays.fill(mask, rowBase + l, rowBase + r + 1, (byte) 1);
            count += r - l + 1;
            if (j > 0) pushRuns(values, stamp, gen, rowBase - w, l, r, lo, hi);
            if (j + 1 < h) pushRuns(values, stamp, gen, rowBase + w, l, r, lo, hi);
            if (k > 0) pushRuns(values, stamp, gen, rowBase - plane, l, r, lo, hi);
            if (k + 1 < d) pushRuns(values, stamp, gen, rowBase + plane, l, r, lo, hi);
        }
        return count;
    }

    private static boolean in(float[] values, int v, float lo, float hi) {
        float x = values[v];
        return x >= lo && x <= hi;
    }

    /** Pushes the first voxel of every unstamped in-range run in {@code row[l..r]}. */
    private void pushRuns(float[] values, int[] stamp, int gen, int rowBase, int l, int r, float lo, float hi) {
        boolean inRun = false;
        for (int x = l; x <= r; x++) {
            int u = rowBase + x;
            if (stamp[u] != gen && in(values, u, lo, hi)) {
                if (!inRun) {
                    push(u);
                    inRun = true;
                }
            } else {
                inRun = false;
            }
        }
    }

    private void push(int v) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top++] = v;
    }
}
