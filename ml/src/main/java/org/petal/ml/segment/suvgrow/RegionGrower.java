package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;

/**
 * Breadth-first grow over a window: from seed voxels to every connected voxel whose value lies in
 * {@code [lo, hi]} (optionally only within a ball), with an int queue and generation-stamped visit marks,
 * so one grow costs O(region) and allocates nothing.
 */
final class RegionGrower {

    private RegionGrower() {}

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
        boolean ball = ballCentre >= 0;
        int bi = ball ? img.i(ballCentre) : 0;
        int bj = ball ? img.j(ballCentre) : 0;
        int bk = ball ? img.k(ballCentre) : 0;
        if (conn == Connectivity.SIX) {
            // Same neighbour order as Connectivity.SIX (+i, −i, +j, −j, +k, −k), so the queue order, and with
            // it everything that sums over the grown list, is unchanged; only the index arithmetic is direct.
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                mask[v] = 1;
                int q = v / w;
                int i = v - q * w;
                int k = q / h;
                int j = q - k * h;
                for (int e = 0; e < 6; e++) {
                    int u;
                    int a = i;
                    int b = j;
                    int c = k;
                    switch (e) {
                        case 0 -> { if (i + 1 >= w) continue; u = v + 1; a = i + 1; }
                        case 1 -> { if (i == 0) continue; u = v - 1; a = i - 1; }
                        case 2 -> { if (j + 1 >= h) continue; u = v + w; b = j + 1; }
                        case 3 -> { if (j == 0) continue; u = v - w; b = j - 1; }
                        case 4 -> { if (k + 1 >= d) continue; u = v + plane; c = k + 1; }
                        default -> { if (k == 0) continue; u = v - plane; c = k - 1; }
                    }
                    if (stamp[u] == gen) {
                        continue;
                    }
                    stamp[u] = gen;
                    float x = values[u];
                    if (x >= lo && x <= hi && (!ball || inBall(img, a - bi, b - bj, c - bk, ball2))) {
                        queue[tail++] = u;
                    }
                }
            }
            return tail;
        }
        int nn = conn.size();
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            mask[v] = 1;
            int q = v / w;
            int i = v - q * w;
            int k = q / h;
            int j = q - k * h;
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
                if (x >= lo && x <= hi && (!ball || inBall(img, a - bi, b - bj, c - bk, ball2))) {
                    queue[tail++] = u;
                }
            }
        }
        return tail;
    }

    /**
     * Counts the voxels connected to {@code seed} with value ≥ {@code lo}, stopping as soon as the count
     * passes {@code limit}: a probe that answers "is this level flooding?" at the cost of the answer.
     * Uses the grown-list slot of {@code scratch} and no mask.
     *
     * @return the region size, or {@code limit + 1} when it is larger than {@code limit}
     */
    static int countUpTo(WindowImage img, float[] values, float lo, int seed, int limit, Connectivity conn, Scratch scratch) {
        int gen = scratch.newGeneration(img.n);
        int[] stamp = scratch.stamps();
        int[] queue = scratch.ints(0, img.n);
        stamp[seed] = gen;
        queue[0] = seed;
        int tail = 1;
        int nn = conn.size();
        for (int head = 0; head < tail && tail <= limit; head++) {
            int v = queue[head];
            int i = img.i(v);
            int j = img.j(v);
            int k = img.k(v);
            for (int e = 0; e < nn; e++) {
                int a = i + conn.di(e);
                int b = j + conn.dj(e);
                int c = k + conn.dk(e);
                if (a < 0 || b < 0 || c < 0 || a >= img.w || b >= img.h || c >= img.d) {
                    continue;
                }
                int u = img.index(a, b, c);
                if (stamp[u] != gen) {
                    stamp[u] = gen;
                    if (values[u] >= lo) {
                        queue[tail++] = u;
                    }
                }
            }
        }
        return Math.min(tail, limit + 1);
    }

    /** {@link WindowImage#distance2Mm} for a voxel offset, with the same arithmetic. */
    private static boolean inBall(WindowImage img, int di, int dj, int dk, double ball2) {
        double x = di * img.sx;
        double y = dj * img.sy;
        double z = dk * img.sz;
        return x * x + y * y + z * z <= ball2;
    }
}
