package org.petal.ml.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.petal.ml.phantom.PhantomLesion.LesionShape;

/** Builds a lesion's shape around a centre (world mm) with a nominal largest diameter. */
final class LesionSolids {

    private LesionSolids() {}

    static Solid build(LesionShape shape, double cx, double cy, double cz, double diameterMm, SplittableRandom rng) {
        double r = diameterMm / 2;
        switch (shape) {
            case SPHERE:
                return Ellipsoid.sphere(cx, cy, cz, r);
            case ELLIPSOID:
                return new Ellipsoid(cx, cy, cz, r, r * rng.nextDouble(0.55, 1.0), r * rng.nextDouble(0.55, 1.0),
                    rng.nextDouble(0, 180), rng.nextDouble(0, 180), rng.nextDouble(0, 180));
            case BLOB: {
                // A core sphere plus satellites that just reach the nominal radius: a nodal conglomerate.
                List<Solid> parts = new ArrayList<>();
                parts.add(Ellipsoid.sphere(cx, cy, cz, r * rng.nextDouble(0.55, 0.7)));
                int satellites = rng.nextInt(2, 5);
                for (int s = 0; s < satellites; s++) {
                    double rs = r * rng.nextDouble(0.35, 0.55);
                    double[] u = unitVector(rng);
                    double d = r - rs;
                    parts.add(Ellipsoid.sphere(cx + u[0] * d, cy + u[1] * d, cz + u[2] * d, rs));
                }
                return Solid.union(parts);
            }
            case IRREGULAR:
                return new Irregular(cx, cy, cz, r, rng);
            default:
                throw new IllegalArgumentException(shape.toString());
        }
    }

    /** A uniformly distributed direction (via normalised Gaussian components). */
    static double[] unitVector(SplittableRandom rng) {
        while (true) {
            double x = rng.nextDouble(-1, 1), y = rng.nextDouble(-1, 1), z = rng.nextDouble(-1, 1);
            double n = x * x + y * y + z * z;
            if (n > 1e-6 && n <= 1) {
                double len = Math.sqrt(n);
                return new double[] {x / len, y / len, z / len};
            }
        }
    }

    /**
     * A sphere whose surface radius varies with direction u as
     * {@code r(u) = R·(0.78 + 0.22·w(u))}, where w ∈ [−1, 1] is a normalised sum of three waves along random
     * directions: a smooth, lumpy surface between 56 % and 100 % of R.
     */
    static final class Irregular implements Solid {
        private final double cx, cy, cz, r;
        private final double[][] dirs = new double[3][];
        private final double[] freq = new double[3];
        private final double[] phase = new double[3];
        private final double[] amp = new double[3];
        private final double ampSum;
        private final Box bounds;

        Irregular(double cx, double cy, double cz, double r, SplittableRandom rng) {
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.r = r;
            double sum = 0;
            for (int n = 0; n < 3; n++) {
                dirs[n] = unitVector(rng);
                freq[n] = rng.nextDouble(2.0, 4.5);
                phase[n] = rng.nextDouble(0, 2 * Math.PI);
                amp[n] = rng.nextDouble(0.3, 1.0);
                sum += amp[n];
            }
            this.ampSum = sum;
            this.bounds = Box.around(cx, cy, cz, r, r, r);
        }

        @Override
        public double rho(double x, double y, double z) {
            double dx = x - cx, dy = y - cy, dz = z - cz;
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (d == 0) {
                return 0;
            }
            double w = 0;
            for (int n = 0; n < 3; n++) {
                double c = (dx * dirs[n][0] + dy * dirs[n][1] + dz * dirs[n][2]) / d;
                w += amp[n] * StrictMath.sin(freq[n] * c + phase[n]);
            }
            return d / (r * (0.78 + 0.22 * w / ampSum));
        }

        @Override
        public Box bounds() { return bounds; }
    }
}
