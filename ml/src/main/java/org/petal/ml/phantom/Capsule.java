package org.petal.ml.phantom;

/** A tube of radius {@code r} mm around the segment from p to q (mm), with round ends: vessels. */
final class Capsule implements Solid {

    private final double px, py, pz, dx, dy, dz, len2, r;
    private final Box bounds;

    Capsule(double px, double py, double pz, double qx, double qy, double qz, double r) {
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.dx = qx - px;
        this.dy = qy - py;
        this.dz = qz - pz;
        this.len2 = dx * dx + dy * dy + dz * dz;
        this.r = r;
        this.bounds = new Box(Math.min(px, qx) - r, Math.max(px, qx) + r, Math.min(py, qy) - r, Math.max(py, qy) + r,
            Math.min(pz, qz) - r, Math.max(pz, qz) + r);
    }

    @Override
    public double rho(double x, double y, double z) {
        double t = len2 == 0 ? 0 : ((x - px) * dx + (y - py) * dy + (z - pz) * dz) / len2;
        t = Math.max(0, Math.min(1, t));
        double ex = x - (px + t * dx), ey = y - (py + t * dy), ez = z - (pz + t * dz);
        return Math.sqrt(ex * ex + ey * ey + ez * ez) / r;
    }

    @Override
    public Box bounds() { return bounds; }

    /** The point at fraction {@code t} along the axis. */
    double[] at(double t) {
        return new double[] {px + t * dx, py + t * dy, pz + t * dz};
    }

    double radius() { return r; }
}
