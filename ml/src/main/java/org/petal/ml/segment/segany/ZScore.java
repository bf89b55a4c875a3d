package org.petal.ml.segment.segany;

/**
 * SegAnyPET's intensity normalisation (spec §2.1 step 5): mean and unbiased standard deviation over the
 * crop voxels above 0, applied to every voxel, padding included. A positive scale factor cancels, so SUV,
 * Bq/mL and kBq/mL crops give the same network input.
 *
 * @param mean  mean of the voxels &gt; 0
 * @param std   their standard deviation with N − 1
 * @param count how many voxels were &gt; 0
 */
record ZScore(double mean, double std, long count) {

    static ZScore of(float[] crop) {
        double sum = 0;
        long n = 0;
        for (float x : crop) {
            if (x > 0) {
                sum += x;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (float x : crop) {
            if (x > 0) {
                double d = x - mean;
                squares += d * d;
            }
        }
        double std = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        return new ZScore(mean, std, n);
    }

    /** Whether the crop has the spread the rule needs (at least two distinct positive values). */
    boolean usable() {
        return count >= 2 && std > 0 && Double.isFinite(std);
    }

    /** Normalises the crop in place (in double, rounded once: the reference's arithmetic). */
    void apply(float[] crop) {
        for (int v = 0; v < crop.length; v++) {
            crop[v] = (float) ((crop[v] - mean) / std);
        }
    }
}
