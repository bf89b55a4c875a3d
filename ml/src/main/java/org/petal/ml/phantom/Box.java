package org.petal.ml.phantom;

/** Axis-aligned box in millimetres, bounds inclusive. */
record Box(double x0, double x1, double y0, double y1, double z0, double z1) {

    static Box around(double cx, double cy, double cz, double hx, double hy, double hz) {
        return new Box(cx - hx, cx + hx, cy - hy, cy + hy, cz - hz, cz + hz);
    }

    Box union(Box o) {
        return new Box(Math.min(x0, o.x0), Math.max(x1, o.x1), Math.min(y0, o.y0), Math.max(y1, o.y1),
            Math.min(z0, o.z0), Math.max(z1, o.z1));
    }
}
