package org.petal.ml.phantom;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Count-statistics-like noise: Gaussian with {@code sigma = k·sqrt(SUV)}, so hot regions are noisier in
 * absolute terms but smoother relative to their value, as in reconstructed PET. Negative results are
 * clipped to 0 (reconstructed images are non-negative). Each slice draws from its own seeded stream,
 * so the parallel loop is deterministic.
 */
final class ActivityNoise {

    private ActivityNoise() {}

    static void apply(float[] image, int nx, int ny, int nz, double k, long seed, int caseIndex) {
        int plane = nx * ny;
        IntStream.range(0, nz).parallel().forEach(slice -> {
            SplittableRandom rng = Seeds.stream(seed, caseIndex, Seeds.NOISE, slice);
            Gaussian g = new Gaussian(rng);
            int end = (slice + 1) * plane;
            for (int p = slice * plane; p < end; p++) {
                float a = image[p];
                // Always draw, even where a = 0, so a voxel's noise does not depend on its neighbours' values.
                double n = g.next();
                if (a > 0) {
                    double v = a + k * Math.sqrt(a) * n;
                    image[p] = v > 0 ? (float) v : 0f;
                }
            }
        });
    }

    /** Box–Muller with StrictMath, yielding both values of each pair. */
    static final class Gaussian {
        private final SplittableRandom rng;
        private double spare;
        private boolean hasSpare;

        Gaussian(SplittableRandom rng) {
            this.rng = rng;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u = 1.0 - rng.nextDouble();  // (0, 1]: log never sees 0
            double v = rng.nextDouble();
            double radius = Math.sqrt(-2.0 * StrictMath.log(u));
            double angle = 2.0 * Math.PI * v;
            spare = radius * StrictMath.sin(angle);
            hasSpare = true;
            return radius * StrictMath.cos(angle);
        }
    }
}
