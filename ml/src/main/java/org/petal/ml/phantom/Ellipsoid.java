package org.petal.ml.phantom;

/**
 * An ellipsoid with semi-axes {@code (a, b, c)} mm along its own axes, rotated by Euler angles (degrees,
 * applied about x, then y, then z) and centred at {@code (cx, cy, cz)} mm.
 */
final class Ellipsoid implements Solid {

    private final double cx, cy, cz;
    private final double a, b, c;
    /** Rows: the ellipsoid's own axes in world coordinates (world → local). */
    private final double[] m;
    private final Box bounds;

    Ellipsoid(double cx, double cy, double cz, double a, double b, double c) {
        this(cx, cy, cz, a, b, c, 0, 0, 0);
    }

    Ellipsoid(double cx, double cy, double cz, double a, double b, double c, double rxDeg, double ryDeg, double rzDeg) {
        if (!(a > 0 && b > 0 && c > 0)) {
            throw new IllegalArgumentException("semi-axes must be positive");
        }
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = worldToLocal(rxDeg, ryDeg, rzDeg);
        double[] s = {a, b, c};
        double[] half = new double[3];
        for (int w = 0; w < 3; w++) {
            double sum = 0;
            for (int l = 0; l < 3; l++) {
                double e = m[l * 3 + w] * s[l];
                sum += e * e;
            }
            half[w] = Math.sqrt(sum);
        }
        this.bounds = Box.around(cx, cy, cz, half[0], half[1], half[2]);
    }

    static Ellipsoid sphere(double cx, double cy, double cz, double r) {
        return new Ellipsoid(cx, cy, cz, r, r, r);
    }

    @Override
    public double rho(double x, double y, double z) {
        double dx = x - cx, dy = y - cy, dz = z - cz;
        double u = (m[0] * dx + m[1] * dy + m[2] * dz) / a;
        double v = (m[3] * dx + m[4] * dy + m[5] * dz) / b;
        double w = (m[6] * dx + m[7] * dy + m[8] * dz) / c;
        return Math.sqrt(u * u + v * v + w * w);
    }

    @Override
    public Box bounds() { return bounds; }

    /** Transpose of Rz·Ry·Rx, i.e. the local axes as rows. StrictMath keeps shapes identical on every JVM. */
    private static double[] worldToLocal(double rxDeg, double ryDeg, double rzDeg) {
        double ax = Math.toRadians(rxDeg), ay = Math.toRadians(ryDeg), az = Math.toRadians(rzDeg);
        double sx = StrictMath.sin(ax), cxr = StrictMath.cos(ax);
        double sy = StrictMath.sin(ay), cyr = StrictMath.cos(ay);
        double sz = StrictMath.sin(az), czr = StrictMath.cos(az);
        // R = Rz * Ry * Rx (local → world); columns are local axes.
        double[] r = {
            czr * cyr, czr * sy * sx - sz * cxr, czr * sy * cxr + sz * sx,
            sz * cyr, sz * sy * sx + czr * cxr, sz * sy * cxr - czr * sx,
            -sy, cyr * sx, cyr * cxr,
        };
        return new double[] {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
    }
}
