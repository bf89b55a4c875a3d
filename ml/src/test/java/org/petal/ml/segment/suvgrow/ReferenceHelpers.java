package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;
import java.util.Arrays;

/**
 * Verbatim copies of the {@code suv-grow} helpers as they were before the performance work (commit
 * 21f2eb4; the narrow cut as session 5 left it), kept as the reference the optimised helpers must match bit for bit
 * ({@link SuvGrowOptimisationEquivalenceTest}). Do not optimise or "fix" these.
 */
final class ReferenceHelpers {

    private ReferenceHelpers() {}

    // ---- RegionGrower ----


    

    /**
     * Grows and sets {@code mask[v] = 1} for every reached voxel. Seeds are taken as they are (the caller
     * decides whether they belong); the grown voxels are left in {@code scratch.ints(0)[0, returned count)}.
     *
     * @param ballCentre  local index of the centre of the allowed ball, or −1 for no ball
     * @param ballRadiusMm radius of that ball in mm
     * @return number of voxels grown (seeds included)
     */
    static int grow(WindowImage img, float[] values, float lo, float hi, int[] seeds, int seedCount,
                    int ballCentre, double ballRadiusMm, Connectivity conn, byte[] mask, Scratch scratch) {
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int[] queue = scratch.ints(0, img.n);
        double ball2 = ballRadiusMm * ballRadiusMm;
        int tail = 0;
        for (int s = 0; s < seedCount; s++) {
            int v = seeds[s];
            if (v >= 0 && stamp[v] != gen) {
                stamp[v] = gen;
                queue[tail++] = v;
            }
        }
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int plane = w * h;
        int nn = conn.size();
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            mask[v] = 1;
            int i = v % w;
            int j = (v / w) % h;
            int k = v / plane;
            for (int e = 0; e < nn; e++) {
                int a = i + conn.di(e);
                int b = j + conn.dj(e);
                int c = k + conn.dk(e);
                if (a < 0 || b < 0 || c < 0 || a >= w || b >= h || c >= d) {
                    continue;
                }
                int u = a + w * b + plane * c;
                if (stamp[u] == gen) {
                    continue;
                }
                // Rejected voxels are marked too: the test is a pure function of the voxel, so a second look
                // from another neighbour would give the same answer.
                stamp[u] = gen;
                float x = values[u];
                if (x >= lo && x <= hi && (ballCentre < 0 || img.distance2Mm(u, ballCentre) <= ball2)) {
                    queue[tail++] = u;
                }
            }
        }
        return tail;
    }

    // ---- HoleFill ----


    

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

    // ---- WindowImage.smoothed ----

    /** The old {@code WindowImage.smoothed}: three strided 3-tap passes. */
    static float[] smoothed(WindowImage img) {
        float[] a = new float[img.n];
        float[] b = new float[img.n];
        boxPass(img, img.suv, a, 1, img.w);
        boxPass(img, a, b, img.w, img.h);
        boxPass(img, b, a, img.w * img.h, img.d);
        return a;
    }
    private static void boxPass(WindowImage img, float[] in, float[] out, int stride, int len) {
        int outer = img.n / (stride * len);
        for (int o = 0; o < outer; o++) {
            int base = o * stride * len;
            for (int s = 0; s < stride; s++) {
                int start = base + s;
                if (len == 1) {
                    out[start] = in[start];
                    continue;
                }
                int last = start + (len - 1) * stride;
                out[start] = (in[start] + in[start + stride]) * 0.5f;
                for (int idx = start + stride; idx < last; idx += stride) {
                    out[idx] = (in[idx - stride] + in[idx] + in[idx + stride]) * (1f / 3f);
                }
                out[last] = (in[last - stride] + in[last]) * 0.5f;
            }
        }
    }

    // ---- GeodesicSplitter ----


    private static final byte INCLUDE = 1;
    private static final byte EXCLUDE = 2;

    

    /** Clears {@code mask} where the exclude seeds win; voxels no seed reaches keep their value. */
    static void split(WindowImage img, float[] values, byte[] mask, int[] include, int includeCount, int[] exclude,
                      int excludeCount, float scale, double weight, double reach, Scratch scratch) {
        int n = img.n;
        double[] reach2 = new double[excludeCount];
        for (int s = 0; s < excludeCount; s++) {
            double r = reach * depthMm(img, mask, exclude[s]);
            reach2[s] = r * r;
        }
        int[] which = scratch.ints(1, n);
        float[] dist = scratch.floats(3, n);
        Arrays.fill(dist, 0, n, Float.POSITIVE_INFINITY);
        byte[] owner = new byte[n];
        Heap heap = new Heap(1024);
        // Exclude first, include after: on a shared voxel the include (kept) click wins.
        seed(exclude, excludeCount, EXCLUDE, mask, dist, owner, heap);
        for (int s = 0; s < excludeCount; s++) {
            which[exclude[s]] = s;
        }
        seed(include, includeCount, INCLUDE, mask, dist, owner, heap);
        double[] step = {img.sx, img.sx, img.sy, img.sy, img.sz, img.sz};
        float inv = scale > 0 ? (float) (weight / scale) : 0f;
        int w = img.w;
        int h = img.h;
        int plane = w * h;
        while (heap.size > 0) {
            float dv = heap.topKey();
            int v = heap.pop();
            if (dv > dist[v]) {
                continue;
            }
            int i = v % w;
            int j = (v / w) % h;
            int k = v / plane;
            for (int e = 0; e < 6; e++) {
                int u;
                switch (e) {
                    case 0 -> u = i + 1 < w ? v + 1 : -1;
                    case 1 -> u = i > 0 ? v - 1 : -1;
                    case 2 -> u = j + 1 < h ? v + w : -1;
                    case 3 -> u = j > 0 ? v - w : -1;
                    case 4 -> u = k + 1 < img.d ? v + plane : -1;
                    default -> u = k > 0 ? v - plane : -1;
                }
                if (u < 0 || mask[u] == 0) {
                    continue;
                }
                float du = dv + (float) step[e] * (1f + inv * Math.abs(values[u] - values[v]));
                if (du < dist[u]) {
                    dist[u] = du;
                    owner[u] = owner[v];
                    which[u] = which[v];
                    heap.push(du, u);
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (owner[v] == EXCLUDE && img.distance2Mm(v, exclude[which[v]]) <= reach2[which[v]]) {
                mask[v] = 0;
            }
        }
        keepConnected(img, mask, include, includeCount, scratch);
    }

    /** Distance in mm from a voxel to the nearest voxel outside the region (or the window), capped at 64 voxels. */
    static double depthMm(WindowImage img, byte[] mask, int v) {
        int ci = img.i(v);
        int cj = img.j(v);
        int ck = img.k(v);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= 64; r++) {
            double minStep = Math.min(img.sx, Math.min(img.sy, img.sz));
            if (r * minStep > best) {
                break;
            }
            // Scan the faces of the cube shell of radius r.
            for (int k = ck - r; k <= ck + r; k++) {
                for (int j = cj - r; j <= cj + r; j++) {
                    for (int i = ci - r; i <= ci + r; i++) {
                        if (Math.abs(i - ci) != r && Math.abs(j - cj) != r && Math.abs(k - ck) != r) {
                            continue;
                        }
                        boolean outside = i < 0 || j < 0 || k < 0 || i >= img.w || j >= img.h || k >= img.d
                            || mask[img.index(i, j, k)] == 0;
                        if (outside) {
                            double dx = (i - ci) * img.sx;
                            double dy = (j - cj) * img.sy;
                            double dz = (k - ck) * img.sz;
                            best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                        }
                    }
                }
            }
        }
        return Double.isInfinite(best) ? 64 * Math.max(img.sx, Math.max(img.sy, img.sz)) : best;
    }

    /** Keeps only mask voxels 6-connected to an include seed. */
    private static void keepConnected(WindowImage img, byte[] mask, int[] include, int includeCount, Scratch scratch) {
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int[] queue = scratch.ints(0, img.n);
        int tail = 0;
        for (int s = 0; s < includeCount; s++) {
            int v = include[s];
            if (v >= 0 && mask[v] != 0 && stamp[v] != gen) {
                stamp[v] = gen;
                queue[tail++] = v;
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
                if (a < 0 || b < 0 || c < 0 || a >= img.w || b >= img.h || c >= img.d) {
                    continue;
                }
                int u = img.index(a, b, c);
                if (stamp[u] != gen && mask[u] != 0) {
                    stamp[u] = gen;
                    queue[tail++] = u;
                }
            }
        }
        for (int v = 0; v < img.n; v++) {
            if (mask[v] != 0 && stamp[v] != gen) {
                mask[v] = 0;
            }
        }
    }

    private static void seed(int[] seeds, int count, byte side, byte[] mask, float[] dist, byte[] owner, Heap heap) {
        for (int s = 0; s < count; s++) {
            int v = seeds[s];
            if (v >= 0 && mask[v] != 0) {
                dist[v] = 0;
                owner[v] = side;
                heap.push(0, v);
            }
        }
    }

    /** Binary min-heap of (float key, int voxel), lazy deletion by the caller. */
    private static final class Heap {
        private float[] keys;
        private int[] vals;
        int size;

        Heap(int capacity) {
            keys = new float[capacity];
            vals = new int[capacity];
        }

        float topKey() { return keys[0]; }

        void push(float key, int val) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                vals = Arrays.copyOf(vals, size * 2);
            }
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                // Ties broken by voxel index keep the result independent of push order details.
                if (keys[p] < key || (keys[p] == key && vals[p] <= val)) {
                    break;
                }
                keys[c] = keys[p];
                vals[c] = vals[p];
                c = p;
            }
            keys[c] = key;
            vals[c] = val;
        }

        int pop() {
            int top = vals[0];
            float key = keys[--size];
            int val = vals[size];
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int m = (r < size && (keys[r] < keys[l] || (keys[r] == keys[l] && vals[r] < vals[l]))) ? r : l;
                if (keys[m] > key || (keys[m] == key && vals[m] >= val)) {
                    break;
                }
                keys[c] = keys[m];
                vals[c] = vals[m];
                c = m;
            }
            keys[c] = key;
            vals[c] = val;
            return top;
        }
    }

    // ---- NarrowCut (session 5, breadth-first erosion; replaced by a streaming version in session 6) ----

    static final class NarrowCutReference {
        private NarrowCutReference() {}


        /** @param regionCount voxels in the region (the grow's count), for the share the cut keeps */
        static void apply(WindowImage img, byte[] mask, int click, int regionCount, Scratch scratch) {
            if (click < 0 || mask[click] == 0 || !interior(img, mask, click)) {
                return;  // a click on the region's own rim: nothing to anchor the kept part on
            }
            int[] box = MaskBox.of(img, mask);
            int w = img.w;
            int plane = w * img.h;
            int gen = scratch.newGeneration(img.n);
            int[] stamp = scratch.stamps();
            int[] queue = scratch.ints(1, img.n);
            // The eroded component of the click, found without building the eroded mask: a voxel is in the
            // eroded region when it and its six neighbours are in the region.
            int tail = 0;
            stamp[click] = gen;
            queue[tail++] = click;
            for (int head = 0; head < tail; head++) {
                int x = queue[head];
                tail = visit(img, mask, stamp, gen, queue, tail, x, w, plane, true);
            }
            // Dilate back by one voxel, within the region.
            int eroded = tail;
            for (int head = 0; head < eroded; head++) {
                tail = visit(img, mask, stamp, gen, queue, tail, queue[head], w, plane, false);
            }
            if (tail < MIN_KEPT * regionCount) {
                return;
            }
            for (int k = box[2]; k <= box[5]; k++) {
                for (int j = box[1]; j <= box[4]; j++) {
                    int row = w * (j + img.h * k);
                    for (int x = row + box[0], end = row + box[3]; x <= end; x++) {
                        if (mask[x] != 0 && stamp[x] != gen) {
                            mask[x] = 0;
                        }
                    }
                }
            }
        }

        /**
         * A cut keeping less than this share of the region did not part two bodies: the region is thin nearly
         * everywhere (a myocardial wall of two or three voxels), and the opening only shreds it.
         */
        static final double MIN_KEPT = NarrowCut.MIN_KEPT;

        /** Queues the unvisited region neighbours of x (only interior ones when {@code interiorOnly}). */
        private static int visit(WindowImage img, byte[] mask, int[] stamp, int gen, int[] queue, int tail, int x, int w,
                                 int plane, boolean interiorOnly) {
            int i = x % w;
            int j = (x / w) % img.h;
            int k = x / plane;
            for (int e = 0; e < 6; e++) {
                int u;
                int a = i;
                int b = j;
                int c = k;
                switch (e) {
                    case 0 -> { if (i + 1 >= w) continue; u = x + 1; a = i + 1; }
                    case 1 -> { if (i == 0) continue; u = x - 1; a = i - 1; }
                    case 2 -> { if (j + 1 >= img.h) continue; u = x + w; b = j + 1; }
                    case 3 -> { if (j == 0) continue; u = x - w; b = j - 1; }
                    case 4 -> { if (k + 1 >= img.d) continue; u = x + plane; c = k + 1; }
                    default -> { if (k == 0) continue; u = x - plane; c = k - 1; }
                }
                if (stamp[u] == gen || mask[u] == 0 || (interiorOnly && !interior(img, mask, u, a, b, c))) {
                    continue;
                }
                stamp[u] = gen;
                queue[tail++] = u;
            }
            return tail;
        }

        private static boolean interior(WindowImage img, byte[] mask, int x) {
            int w = img.w;
            int plane = w * img.h;
            return interior(img, mask, x, x % w, (x / w) % img.h, x / plane);
        }

        /** Voxel x at (i, j, k) and its six neighbours are in the region (voxels on the window's faces never are). */
        private static boolean interior(WindowImage img, byte[] mask, int x, int i, int j, int k) {
            int w = img.w;
            int plane = w * img.h;
            return i > 0 && i + 1 < w && j > 0 && j + 1 < img.h && k > 0 && k + 1 < img.d
                && mask[x - 1] != 0 && mask[x + 1] != 0 && mask[x - w] != 0 && mask[x + w] != 0
                && mask[x - plane] != 0 && mask[x + plane] != 0;
        }

    }
}
