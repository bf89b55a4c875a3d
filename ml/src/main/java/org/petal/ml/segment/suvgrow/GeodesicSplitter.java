package org.petal.ml.segment.suvgrow;

import java.util.Arrays;
import org.petal.ml.morph.DistanceTransform;

/**
 * Competitive split of a region between include and exclude seeds: both grow at once (multi-source
 * Dijkstra, 6-connected) through the region, and a voxel belongs to whichever seed set reaches it at the
 * lower geodesic cost. A step costs its length in mm times {@code 1 + weight·|ΔSUV| / scale}, so fronts
 * slow down where intensity changes: two touching hot spheres part in the valley between them rather than
 * at the plain midpoint of the clicks.
 *
 * <p>An exclude seed only claims voxels within {@code reach} times its own depth (its distance to the
 * region's border) of itself: a click at the centre of a leak removes the leak, not the half of the
 * object that happens to be geodesically nearer to it than to the include seeds. Afterwards only what
 * is still connected to an include seed is kept.
 *
 * <p>Cost: O(r log r) for a region of r voxels (binary heap of packed (cost, voxel) longs, ties by voxel
 * index, reused through {@link Scratch}) plus two linear passes over the window; nothing of window size is
 * allocated per call.
 */
final class GeodesicSplitter {

    private static final byte INCLUDE = 1;
    private static final byte EXCLUDE = 2;

    private GeodesicSplitter() {}

    /**
     * Clears {@code mask} where the exclude seeds win; voxels no seed reaches keep their value.
     * {@code reach} may be {@link Double#POSITIVE_INFINITY}: the exclude seeds then claim all they win.
     */
    static void split(WindowImage img, float[] values, byte[] mask, int[] include, int includeCount, int[] exclude,
                      int excludeCount, float scale, double weight, double reach, Scratch scratch) {
        split(img, values, mask, include, includeCount, exclude, excludeCount, scale, weight, reach, null, scratch);
    }

    /** @param reachCapMm per exclude seed, the most its reach may be in mm (null: no cap) */
    static void split(WindowImage img, float[] values, byte[] mask, int[] include, int includeCount, int[] exclude,
                      int excludeCount, float scale, double weight, double reach, double[] reachCapMm, Scratch scratch) {
        int n = img.n;
        double[] reach2 = new double[excludeCount];
        int[] ei = new int[excludeCount];
        int[] ej = new int[excludeCount];
        int[] ek = new int[excludeCount];
        int[][] extent = new int[excludeCount][];
        // An unbounded reach needs no depths: every exclude seed may claim whatever it reaches first.
        boolean bounded = reach != Double.POSITIVE_INFINITY;
        float[] depth2 = bounded && excludeCount > DEPTH_BY_TRANSFORM ? depthTransform(img, mask) : null;
        for (int s = 0; s < excludeCount; s++) {
            if (bounded) {
                double depth = depth2 != null ? Math.sqrt(depth2[exclude[s]]) : depthMm(img, mask, exclude[s]);
                double r = reach * depth;
                if (reachCapMm != null) {
                    r = Math.min(r, reachCapMm[s]);
                }
                reach2[s] = r * r;
                extent[s] = halfExtent(img, reach2[s]);
            } else {
                reach2[s] = Double.POSITIVE_INFINITY;
                extent[s] = new int[] {img.w, img.h, img.d};
            }
            ei[s] = img.i(exclude[s]);
            ej[s] = img.j(exclude[s]);
            ek[s] = img.k(exclude[s]);
        }
        // which[v]: the exclude seed that owns v (>= 0), or -1 when an include seed owns it; meaningful only
        // where dist[v] is finite (reached), so no owner array has to be allocated or cleared.
        int[] which = scratch.ints(1, n);
        float[] dist = scratch.floats(3, n);
        // Only region voxels and their neighbours are ever read, so only the span of indices from the first
        // to the last region voxel (and one plane either side) needs resetting.
        int first = firstSet(mask, n);
        if (first < 0) {
            return;
        }
        int last = lastSet(mask, n);
        // Outside the region the distance is NaN, so relaxing a neighbour needs no look at the mask
        // (du < NaN is false); neighbours of region voxels lie within one plane of the span.
        int plane0 = img.w * img.h;
        for (int v = Math.max(0, first - plane0), end = Math.min(n - 1, last + plane0); v <= end; v++) {
            dist[v] = mask[v] != 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        }
        Heap heap = scratch.heap();
        heap.clear();
        // Exclude first, include after: on a shared voxel the include (kept) click wins.
        for (int s = 0; s < excludeCount; s++) {
            int v = exclude[s];
            if (v >= 0 && mask[v] != 0) {
                dist[v] = 0;
                heap.push(0, v);
            }
        }
        for (int s = 0; s < excludeCount; s++) {
            if (exclude[s] >= 0) {
                which[exclude[s]] = s;
            }
        }
        for (int s = 0; s < includeCount; s++) {
            int v = include[s];
            if (v >= 0 && mask[v] != 0) {
                dist[v] = 0;
                which[v] = -1;
                heap.push(0, v);
            }
        }
        // Only voxels inside an exclude seed's reach can change; once all of them are settled (Dijkstra
        // settles a voxel when it pops), the rest of the front cannot alter the result and the loop stops.
        int inReachGen = scratch.newGeneration(n);
        int[] inReach = scratch.stamps();
        int unsettled = markReach(img, mask, ei, ej, ek, reach2, extent, inReach, inReachGen);
        float inv = scale > 0 ? (float) (weight / scale) : 0f;
        float sx = (float) img.sx;
        float sy = (float) img.sy;
        float sz = (float) img.sz;
        int w = img.w;
        int h = img.h;
        int d = img.d;
        int plane = w * h;
        while (unsettled > 0 && !heap.isEmpty()) {
            long top = heap.pop();
            float dv = Heap.key(top);
            int v = Heap.value(top);
            if (dv > dist[v]) {
                continue;
            }
            if (inReach[v] == inReachGen) {
                inReach[v] = 0;
                if (--unsettled == 0) {
                    break;
                }
            }
            int q = v / w;
            int i = v - q * w;
            int k = q / h;
            int j = q - k * h;
            float xv = values[v];
            int own = which[v];
            // Neighbour order +i, −i, +j, −j, +k, −k as before: equal-cost ties resolve identically.
            if (i + 1 < w) {
                relax(v + 1, dv, sx, inv, xv, own, values, mask, dist, which, heap);
            }
            if (i > 0) {
                relax(v - 1, dv, sx, inv, xv, own, values, mask, dist, which, heap);
            }
            if (j + 1 < h) {
                relax(v + w, dv, sy, inv, xv, own, values, mask, dist, which, heap);
            }
            if (j > 0) {
                relax(v - w, dv, sy, inv, xv, own, values, mask, dist, which, heap);
            }
            if (k + 1 < d) {
                relax(v + plane, dv, sz, inv, xv, own, values, mask, dist, which, heap);
            }
            if (k > 0) {
                relax(v - plane, dv, sz, inv, xv, own, values, mask, dist, which, heap);
            }
        }
        // Only voxels within some seed's reach can be cleared: scan the box around all reaches.
        int[] box = reachBox(img, ei, ej, ek, extent);
        for (int k = box[4]; k <= box[5]; k++) {
            for (int j = box[2]; j <= box[3]; j++) {
                for (int i = box[0]; i <= box[1]; i++) {
                    int v = img.index(i, j, k);
                    if (mask[v] == 0 || dist[v] == Float.POSITIVE_INFINITY) {
                        continue;
                    }
                    int s = which[v];
                    if (s < 0) {
                        continue;
                    }
                    // Same arithmetic as WindowImage.distance2Mm.
                    double di = (i - ei[s]) * img.sx;
                    double dj = (j - ej[s]) * img.sy;
                    double dk = (k - ek[s]) * img.sz;
                    if (di * di + dj * dj + dk * dk <= reach2[s]) {
                        mask[v] = 0;
                    }
                }
            }
        }
        keepConnected(img, mask, include, includeCount, scratch);
    }

    /**
     * Half extent in voxels, along i, j and k, of the box around a reach of squared radius {@code reach2}:
     * one more than the floor, because the square root may round the bound down.
     */
    private static int[] halfExtent(WindowImage img, double reach2) {
        double r = Math.sqrt(reach2);
        return new int[] {(int) Math.floor(r / img.sx) + 1, (int) Math.floor(r / img.sy) + 1, (int) Math.floor(r / img.sz) + 1};
    }

    /** {i0, i1, j0, j1, k0, k1} (inclusive, clipped to the window) around every seed's reach; empty when no seeds. */
    private static int[] reachBox(WindowImage img, int[] ei, int[] ej, int[] ek, int[][] extent) {
        int[] box = {img.w, -1, img.h, -1, img.d, -1};
        for (int s = 0; s < ei.length; s++) {
            box[0] = Math.min(box[0], Math.max(0, ei[s] - extent[s][0]));
            box[1] = Math.max(box[1], Math.min(img.w - 1, ei[s] + extent[s][0]));
            box[2] = Math.min(box[2], Math.max(0, ej[s] - extent[s][1]));
            box[3] = Math.max(box[3], Math.min(img.h - 1, ej[s] + extent[s][1]));
            box[4] = Math.min(box[4], Math.max(0, ek[s] - extent[s][2]));
            box[5] = Math.max(box[5], Math.min(img.d - 1, ek[s] + extent[s][2]));
        }
        return box;
    }

    /** Marks the region voxels within some exclude seed's reach with {@code gen}; returns how many there are. */
    private static int markReach(WindowImage img, byte[] mask, int[] ei, int[] ej, int[] ek, double[] reach2, int[][] extent,
                                 int[] stamp, int gen) {
        // Stitching can pass thousands of exclude seeds whose reaches overlap: marking them one by one would
        // cost more than the whole Dijkstra. Then there is no early stop (every voxel counts as reachable).
        long work = 0;
        for (int[] e : extent) {
            work += (2L * e[0] + 1) * (2L * e[1] + 1) * (2L * e[2] + 1);
            if (work > img.n) {
                return Integer.MAX_VALUE;
            }
        }
        int count = 0;
        for (int s = 0; s < ei.length; s++) {
            int ri = extent[s][0];
            int rj = extent[s][1];
            int rk = extent[s][2];
            for (int k = Math.max(0, ek[s] - rk); k <= Math.min(img.d - 1, ek[s] + rk); k++) {
                for (int j = Math.max(0, ej[s] - rj); j <= Math.min(img.h - 1, ej[s] + rj); j++) {
                    for (int i = Math.max(0, ei[s] - ri); i <= Math.min(img.w - 1, ei[s] + ri); i++) {
                        int v = img.index(i, j, k);
                        if (mask[v] == 0 || stamp[v] == gen) {
                            continue;
                        }
                        // Same arithmetic as the clearing pass below.
                        double di = (i - ei[s]) * img.sx;
                        double dj = (j - ej[s]) * img.sy;
                        double dk = (k - ek[s]) * img.sz;
                        if (di * di + dj * dj + dk * dk <= reach2[s]) {
                            stamp[v] = gen;
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static void relax(int u, float dv, float step, float inv, float xv, int own, float[] values, byte[] mask,
                              float[] dist, int[] which, Heap heap) {
        float du = dv + step * (1f + inv * Math.abs(values[u] - xv));
        if (du < dist[u]) {
            dist[u] = du;
            which[u] = own;
            heap.push(du, u);
        }
    }

    /**
     * Above this many exclude seeds (stitching passes a whole decided-background slab) one distance
     * transform of the window is cheaper than a shell search per seed.
     */
    static final int DEPTH_BY_TRANSFORM = 64;

    /**
     * Squared depth in mm² of every voxel: distance to the nearest voxel outside the region, where the
     * window border counts as outside (as {@link #depthMm} sees it), by an exact Euclidean transform.
     */
    static float[] depthTransform(WindowImage img, byte[] mask) {
        boolean[] outside = new boolean[img.n];
        for (int v = 0; v < img.n; v++) {
            outside[v] = mask[v] == 0;
        }
        float[] d2 = DistanceTransform.squaredToFeatures(outside, img.w, img.h, img.d, new double[] {img.sx, img.sy, img.sz});
        int v = 0;
        for (int k = 0; k < img.d; k++) {
            double bk = Math.min(k + 1, img.d - k) * img.sz;
            for (int j = 0; j < img.h; j++) {
                double bj = Math.min(j + 1, img.h - j) * img.sy;
                for (int i = 0; i < img.w; i++, v++) {
                    double border = Math.min(Math.min(i + 1, img.w - i) * img.sx, Math.min(bj, bk));
                    d2[v] = (float) Math.min(d2[v], border * border);
                }
            }
        }
        return d2;
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

    /** Keeps only mask voxels 6-connected to an include seed (scanline fill, see {@link SpanFill}). */
    static void keepConnected(WindowImage img, byte[] mask, int[] include, int includeCount, Scratch scratch) {
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        SpanFill fill = scratch.spanFill();
        fill.begin(img, mask, true, 0, 0, 0, img.w - 1, img.h - 1, img.d - 1, stamp, gen);
        for (int s = 0; s < includeCount; s++) {
            int v = include[s];
            if (v >= 0) {
                fill.seed(img.i(v), img.j(v), img.k(v));
            }
        }
        fill.run();
        int first = firstSet(mask, img.n);
        for (int v = first, last = first < 0 ? -1 : lastSet(mask, img.n); v <= last; v++) {
            if (mask[v] != 0 && stamp[v] != gen) {
                mask[v] = 0;
            }
        }
    }

    /** The first index with {@code mask != 0} below {@code n}, or −1. */
    static int firstSet(byte[] mask, int n) {
        for (int v = 0; v < n; v++) {
            if (mask[v] != 0) {
                return v;
            }
        }
        return -1;
    }

    /** The last index with {@code mask != 0} below {@code n}, or −1. */
    static int lastSet(byte[] mask, int n) {
        for (int v = n - 1; v >= 0; v--) {
            if (mask[v] != 0) {
                return v;
            }
        }
        return -1;
    }

    /**
     * Four-ary min-heap (half as deep as a binary one, and a node's children share a cache line) of (float
     * key, int voxel) packed into one {@code long} (non-negative float bits in the high word, voxel in the low
     * word), so entries compare in one instruction and ties break by voxel index; every min-heap pops the
     * same sequence of these distinct entries. Lazy deletion by the caller. Keys must be non-negative and not NaN. One per {@link Scratch}.
     */
    static final class Heap {
        private long[] items = new long[1024];
        private int size;

        static float key(long item) {
            return Float.intBitsToFloat((int) (item >>> 32));
        }

        static int value(long item) {
            return (int) item;
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(float key, int val) {
            long item = ((long) Float.floatToRawIntBits(key) << 32) | (val & 0xFFFFFFFFL);
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            long[] a = items;
            int c = size++;
            while (c > 0) {
                int p = (c - 1) >>> 2;
                long parent = a[p];
                if (parent <= item) {
                    break;
                }
                a[c] = parent;
                c = p;
            }
            a[c] = item;
        }

        long pop() {
            long[] a = items;
            long top = a[0];
            long item = a[--size];
            int n = size;
            int c = 0;
            while (true) {
                int l = 4 * c + 1;
                if (l >= n) {
                    break;
                }
                // The smallest of up to four children.
                long m = a[l];
                int at = l;
                int end = Math.min(l + 4, n);
                for (int q = l + 1; q < end; q++) {
                    if (a[q] < m) {
                        m = a[q];
                        at = q;
                    }
                }
                if (m >= item) {
                    break;
                }
                a[c] = m;
                c = at;
            }
            a[c] = item;
            return top;
        }
    }
}
