package org.petal.ml.phantom;

import java.util.stream.IntStream;

/**
 * Scanner point-spread function: an isotropic 3D Gaussian applied as three 1D convolutions. Outside the
 * grid counts as zero activity. Slices run in parallel, but every output voxel is computed by the same
 * sequence of operations whatever the thread, so results are bit-identical.
 */
final class GaussianPsf {

    /** FWHM = 2·sqrt(2·ln 2)·sigma. */
    static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private GaussianPsf() {}

    /** Returns a blurred copy of {@code in} (nx·ny·nz, i fastest) for the given FWHM in mm and voxel size in mm. */
    static float[] blur(float[] in, int nx, int ny, int nz, double voxelMm, double fwhmMm) {
        float[] w = kernel(fwhmMm / FWHM_PER_SIGMA / voxelMm);
        float[] a = new float[in.length];
        float[] b = new float[in.length];
        int plane = nx * ny;
        int r = w.length / 2;
        // Along i: contiguous rows.
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                int row = (j + ny * k) * nx;
                for (int i = 0; i < nx; i++) {
                    float s = 0;
                    int t0 = Math.max(-r, -i), t1 = Math.min(r, nx - 1 - i);
                    for (int t = t0; t <= t1; t++) {
                        s += w[t + r] * in[row + i + t];
                    }
                    a[row + i] = s;
                }
            }
        });
        // Along j: whole rows at a time, so the inner loop stays contiguous.
        IntStream.range(0, nz).parallel().forEach(k -> {
            int base = k * plane;
            for (int j = 0; j < ny; j++) {
                int out = base + j * nx;
                int t0 = Math.max(-r, -j), t1 = Math.min(r, ny - 1 - j);
                for (int t = t0; t <= t1; t++) {
                    float wt = w[t + r];
                    int src = base + (j + t) * nx;
                    for (int i = 0; i < nx; i++) {
                        b[out + i] += wt * a[src + i];
                    }
                }
            }
        });
        // Along k: whole planes at a time.
        float[] c = a;
        IntStream.range(0, nz).parallel().forEach(k -> {
            int out = k * plane;
            java.util.Arrays.fill(c, out, out + plane, 0f);
            int t0 = Math.max(-r, -k), t1 = Math.min(r, nz - 1 - k);
            for (int t = t0; t <= t1; t++) {
                float wt = w[t + r];
                int src = (k + t) * plane;
                for (int p = 0; p < plane; p++) {
                    c[out + p] += wt * b[src + p];
                }
            }
        });
        return c;
    }

    /**
     * Normalised 1D kernel for sigma in voxels: each tap is the Gaussian integrated over its voxel (erf
     * differences), which stays accurate when sigma is below one voxel, as at 4 mm with a 5 mm FWHM.
     */
    static float[] kernel(double sigmaVoxels) {
        int r = Math.max(1, (int) Math.ceil(3.5 * sigmaVoxels));
        double[] w = new double[2 * r + 1];
        double sum = 0;
        double scale = 1.0 / (Math.sqrt(2.0) * sigmaVoxels);
        for (int t = -r; t <= r; t++) {
            w[t + r] = erf((t + 0.5) * scale) - erf((t - 0.5) * scale);
            sum += w[t + r];
        }
        float[] out = new float[w.length];
        for (int n = 0; n < w.length; n++) {
            out[n] = (float) (w[n] / sum);
        }
        return out;
    }

    /** Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7), with StrictMath.exp for cross-JVM reproducibility. */
    static double erf(double x) {
        double sign = Math.signum(x);
        double ax = Math.abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * ax);
        double y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
            * StrictMath.exp(-ax * ax);
        return sign * y;
    }
}
