package org.petal.ml.volume;

import java.util.Arrays;

/**
 * Size and placement of a voxel grid.
 *
 * <p>World = origin + D · diag(spacing) · (i, j, k), in LPS millimetres, where the columns of the 3×3
 * direction matrix D are the unit directions of the i, j and k axes. See {@code package-info} for the
 * index order.
 */
public final class VolumeGeometry {

    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacing;
    private final double[] originLps;
    /** Row-major 3×3; column c is the LPS direction of voxel axis c. */
    private final double[] direction;

    public VolumeGeometry(int nx, int ny, int nz, double[] spacing, double[] originLps, double[] direction) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        if (spacing.length != 3 || originLps.length != 3 || direction.length != 9) {
            throw new IllegalArgumentException("spacing and origin need 3 values, direction 9");
        }
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("voxel spacing must be positive and finite: " + Arrays.toString(spacing));
            }
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.spacing = spacing.clone();
        this.originLps = originLps.clone();
        this.direction = direction.clone();
    }

    /** Axis-aligned grid (identity direction) with its first voxel centre at {@code originLps}. */
    public static VolumeGeometry axisAligned(int nx, int ny, int nz, double sx, double sy, double sz, double[] originLps) {
        return new VolumeGeometry(nx, ny, nz, new double[] {sx, sy, sz}, originLps, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }

    public long voxelCount() { return (long) nx * ny * nz; }

    /** Spacing along i, j, k in millimetres. */
    public double[] spacing() { return spacing.clone(); }
    public double spacing(int axis) { return spacing[axis]; }
    public double[] originLps() { return originLps.clone(); }
    public double[] direction() { return direction.clone(); }

    /** Volume of one voxel in millilitres (mm³ / 1000). */
    public double voxelVolumeMl() { return spacing[0] * spacing[1] * spacing[2] / 1000.0; }

    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
    }

    public boolean sameGrid(VolumeGeometry other, double toleranceMm) {
        if (nx != other.nx || ny != other.ny || nz != other.nz) {
            return false;
        }
        for (int a = 0; a < 3; a++) {
            if (Math.abs(spacing[a] - other.spacing[a]) > toleranceMm || Math.abs(originLps[a] - other.originLps[a]) > toleranceMm) {
                return false;
            }
        }
        for (int a = 0; a < 9; a++) {
            if (Math.abs(direction[a] - other.direction[a]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    /** Continuous voxel coordinates → LPS millimetres. */
    public double[] voxelToLps(double i, double j, double k) {
        double a = i * spacing[0];
        double b = j * spacing[1];
        double c = k * spacing[2];
        return new double[] {
            originLps[0] + direction[0] * a + direction[1] * b + direction[2] * c,
            originLps[1] + direction[3] * a + direction[4] * b + direction[5] * c,
            originLps[2] + direction[6] * a + direction[7] * b + direction[8] * c,
        };
    }

    public double[] voxelToRas(double i, double j, double k) {
        double[] p = voxelToLps(i, j, k);
        return new double[] {-p[0], -p[1], p[2]};
    }

    /** LPS millimetres → continuous voxel coordinates (inverse of {@link #voxelToLps}). */
    public double[] lpsToVoxel(double x, double y, double z) {
        double[] inv = invert3(direction);
        double dx = x - originLps[0];
        double dy = y - originLps[1];
        double dz = z - originLps[2];
        return new double[] {
            (inv[0] * dx + inv[1] * dy + inv[2] * dz) / spacing[0],
            (inv[3] * dx + inv[4] * dy + inv[5] * dz) / spacing[1],
            (inv[6] * dx + inv[7] * dy + inv[8] * dz) / spacing[2],
        };
    }

    public double[] rasToVoxel(double x, double y, double z) {
        return lpsToVoxel(-x, -y, z);
    }

    /** 4×4 row-major affine voxel → RAS, as NIfTI's sform stores it. */
    public double[] rasAffine() {
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            double sign = r < 2 ? -1 : 1;
            for (int c = 0; c < 3; c++) {
                m[r * 4 + c] = sign * direction[r * 3 + c] * spacing[c];
            }
            m[r * 4 + 3] = sign * originLps[r];
        }
        m[15] = 1;
        return m;
    }

    /** Builds a geometry from a 4×4 (or 3×4) row-major voxel → RAS affine, e.g. a NIfTI sform. */
    public static VolumeGeometry fromRasAffine(int nx, int ny, int nz, double[] affine) {
        double[] spacing = new double[3];
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            double x = -affine[c];
            double y = -affine[4 + c];
            double z = affine[8 + c];
            double len = Math.sqrt(x * x + y * y + z * z);
            if (!(len > 0)) {
                throw new IllegalArgumentException("affine column " + c + " has zero length");
            }
            spacing[c] = len;
            direction[c] = x / len;
            direction[3 + c] = y / len;
            direction[6 + c] = z / len;
        }
        double[] origin = {-affine[3], -affine[7], affine[11]};
        return new VolumeGeometry(nx, ny, nz, spacing, origin, direction);
    }

    private static double[] invert3(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("direction matrix is singular");
        }
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det,
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeGeometry g && nx == g.nx && ny == g.ny && nz == g.nz
            && Arrays.equals(spacing, g.spacing) && Arrays.equals(originLps, g.originLps)
            && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * nx + ny) + nz) + Arrays.hashCode(spacing);
    }

    @Override
    public String toString() {
        return nx + "x" + ny + "x" + nz + " @ " + spacing[0] + "x" + spacing[1] + "x" + spacing[2] + " mm, origin(LPS)="
            + Arrays.toString(originLps);
    }
}
