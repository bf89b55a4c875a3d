package org.petal.ml.segment.suvgrow;

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
}
