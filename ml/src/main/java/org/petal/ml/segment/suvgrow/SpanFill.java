package org.petal.ml.segment.suvgrow;

import java.util.Arrays;

/**
 * Scanline flood fill (6-connected) inside an inclusive box of a window: stamps every voxel that is
 * connected to a seed through voxels of one kind ({@code mask != 0} or {@code mask == 0}). It visits
 * maximal runs along {@code i} instead of single voxels, so it needs no per-voxel index division and reads
 * memory row by row. The stamped set is exactly that of a breadth-first search from the same seeds (only the
 * visiting order differs), so it serves wherever only the reached set matters.
 *
 * <p>One instance per {@link Scratch}; its stack grows as needed and is kept.
 */
final class SpanFill {

    private int[] stack = new int[1024];
    private int top;
    private byte[] mask;
    private boolean foreground;
    private int[] stamp;
    private int gen;
    private int w;
    private int plane;
    private int i0, j0, k0, i1, j1, k1;

    /** Starts a fill over {@code [i0, i1] × [j0, j1] × [k0, k1]} (inclusive) marking {@code stamp[v] = gen}. */
    void begin(WindowImage img, byte[] mask, boolean foreground, int i0, int j0, int k0, int i1, int j1, int k1,
               int[] stamp, int gen) {
        this.mask = mask;
        this.foreground = foreground;
        this.stamp = stamp;
        this.gen = gen;
        this.w = img.w;
        this.plane = img.w * img.h;
        this.i0 = i0;
        this.j0 = j0;
        this.k0 = k0;
        this.i1 = i1;
        this.j1 = j1;
        this.k1 = k1;
        this.top = 0;
    }

    private boolean matches(int v) {
        return (mask[v] != 0) == foreground;
    }

    /** Adds a seed voxel {@code (i, j, k)} (inside the box) if it is of the filled kind. */
    void seed(int i, int j, int k) {
        int v = i + w * j + plane * k;
        if (stamp[v] != gen && matches(v)) {
            push(v, j, k);
        }
    }

    /** Adds as seeds all voxels of the filled kind in row {@code (j, k)} between {@code i0} and {@code i1} of the box. */
    void seedRow(int j, int k) {
        pushRuns(w * j + plane * k, i0, i1, j, k);
    }

    /** Fills from all seeds given so far. */
    void run() {
        while (top > 0) {
            top -= 2;
            int v = stack[top];
            int jk = stack[top + 1];
            if (stamp[v] == gen) {
                continue;
            }
            int j = jk & 0xFFFF;
            int k = jk >>> 16;
            int rowBase = w * j + plane * k;
            int i = v - rowBase;
            // Runs are always stamped whole, so an unstamped voxel's maximal run is unstamped too.
            int l = i;
            while (l > i0 && matches(rowBase + l - 1)) {
                l--;
            }
            int r = i;
            while (r < i1 && matches(rowBase + r + 1)) {
                r++;
            }
            Arrays.fill(stamp, rowBase + l, rowBase + r + 1, gen);
            if (j > j0) {
                pushRuns(rowBase - w, l, r, j - 1, k);
            }
            if (j < j1) {
                pushRuns(rowBase + w, l, r, j + 1, k);
            }
            if (k > k0) {
                pushRuns(rowBase - plane, l, r, j, k - 1);
            }
            if (k < k1) {
                pushRuns(rowBase + plane, l, r, j, k + 1);
            }
        }
    }

    /** Pushes the first voxel of every unstamped run of the filled kind in {@code row[l..r]}. */
    private void pushRuns(int rowBase, int l, int r, int j, int k) {
        boolean inRun = false;
        for (int x = l; x <= r; x++) {
            int u = rowBase + x;
            if (stamp[u] != gen && matches(u)) {
                if (!inRun) {
                    push(u, j, k);
                    inRun = true;
                }
            } else {
                inRun = false;
            }
        }
    }

    private void push(int v, int j, int k) {
        if (top + 2 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[top] = v;
        stack[top + 1] = j | (k << 16);
        top += 2;
    }
}
