package org.petal.ml.nifti;

/**
 * The arithmetic behind NIfTI's three ways of placing voxels in RAS millimetres, and the reverse step the
 * writer needs (rotation matrix → quaternion). All affines are 4×4, row-major, voxel (i, j, k) → RAS mm.
 */
final class NiftiAffines {

    /** Tolerance on RᵀR = I before a matrix is treated as a rotation that a qform can hold. */
    private static final double ORTHONORMAL_TOLERANCE = 1e-4;

    private NiftiAffines() {}

    /** Method 3: the sform rows as stored ({@code srow_x}, {@code srow_y}, {@code srow_z}). */
    static double[] sform(double[] srow) {
        double[] m = new double[16];
        System.arraycopy(srow, 0, m, 0, 12);
        m[15] = 1;
        return m;
    }

    /**
     * Method 2: rotation from the unit quaternion (a, b, c, d), where a is implied non-negative, then
     * voxel sizes pixdim[1..3] with the k axis flipped when qfac = pixdim[0] is negative.
     */
    static double[] qform(double b, double c, double d, double qx, double qy, double qz, double[] pixdim) {
        double a;
        double norm2 = b * b + c * c + d * d;
        double w2 = 1.0 - norm2;
        if (w2 < 1e-7) {
            // (b, c, d) is (nearly) a unit vector: a 180° rotation. Renormalise so rounding in the stored
            // float32 values cannot produce a matrix that is not a rotation.
            double inv = 1.0 / Math.sqrt(norm2);
            b *= inv;
            c *= inv;
            d *= inv;
            a = 0;
        } else {
            a = Math.sqrt(w2);
        }
        double[] r = {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b,
        };
        double qfac = pixdim[0] < 0 ? -1 : 1; // the standard treats 0 (and anything non-negative) as +1
        double[] scale = {pixdim[1], pixdim[2], qfac * pixdim[3]};
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 4 + col] = r[row * 3 + col] * scale[col];
            }
        }
        m[3] = qx;
        m[7] = qy;
        m[11] = qz;
        m[15] = 1;
        return m;
    }

    /**
     * Method 1 (ANALYZE compatibility, no orientation information): voxel sizes on the diagonal and the
     * first voxel at the RAS origin, exactly as the NIfTI-1 standard describes it.
     */
    static double[] pixdimOnly(double[] pixdim) {
        return new double[] {
            pixdim[1], 0, 0, 0,
            0, pixdim[2], 0, 0,
            0, 0, pixdim[3], 0,
            0, 0, 0, 1,
        };
    }

    /**
     * The qform fields for a voxel → RAS affine: {b, c, d, qfac}, or {@code null} when the affine's
     * columns (after dividing by the voxel sizes) are not orthonormal, i.e. when it shears and only an
     * sform can describe it.
     */
    static double[] quaternion(double[] affine, double[] spacing) {
        double[] r = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                r[row * 3 + col] = affine[row * 4 + col] / spacing[col];
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double dot = r[p] * r[q] + r[3 + p] * r[3 + q] + r[6 + p] * r[6 + q];
                if (Math.abs(dot - (p == q ? 1 : 0)) > ORTHONORMAL_TOLERANCE) {
                    return null;
                }
            }
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        double qfac = 1;
        if (det < 0) {
            // A reflection: a quaternion only holds proper rotations, so flip k and record it in qfac.
            qfac = -1;
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }
        double a;
        double b;
        double c;
        double d;
        double trace = r[0] + r[4] + r[8];
        // Divide by the largest of the four components to stay away from cancellation.
        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace); // 4a
            a = s / 4;
            b = (r[7] - r[5]) / s;
            c = (r[2] - r[6]) / s;
            d = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]); // 4b
            a = (r[7] - r[5]) / s;
            b = s / 4;
            c = (r[1] + r[3]) / s;
            d = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]); // 4c
            a = (r[2] - r[6]) / s;
            b = (r[1] + r[3]) / s;
            c = s / 4;
            d = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]); // 4d
            a = (r[3] - r[1]) / s;
            b = (r[2] + r[6]) / s;
            c = (r[5] + r[7]) / s;
            d = s / 4;
        }
        if (a < 0) {
            // q and -q are the same rotation; NIfTI stores the one with a >= 0 because a is not written.
            b = -b;
            c = -c;
            d = -d;
        }
        return new double[] {b, c, d, qfac};
    }
}
