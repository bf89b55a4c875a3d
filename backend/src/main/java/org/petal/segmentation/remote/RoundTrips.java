package org.petal.segmentation.remote;

import java.util.Arrays;

/**
 * The most recent request round trips of one worker (send to reply, ms: queue time, transfer and engine
 * together, which is what a user waits for), kept in a small ring so a dashboard shows how the worker is
 * doing now rather than since it connected.
 */
final class RoundTrips {

    /** Median and 95th percentile of the recent round trips; null values when there are none yet. */
    record Summary(Double medianMs, Double p95Ms, int samples) {}

    private final double[] ring;
    private int next;
    private int size;

    RoundTrips(int capacity) {
        ring = new double[capacity];
    }

    synchronized void add(double ms) {
        ring[next] = ms;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    synchronized Summary summary() {
        if (size == 0) {
            return new Summary(null, null, 0);
        }
        double[] sorted = Arrays.copyOf(ring, size);
        Arrays.sort(sorted);
        return new Summary(percentile(sorted, 0.5), percentile(sorted, 0.95), size);
    }

    /** Nearest rank: the smallest value with at least {@code q} of the samples at or below it. */
    private static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
