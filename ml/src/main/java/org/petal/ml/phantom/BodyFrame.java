package org.petal.ml.phantom;

/**
 * Maps the reference patient (mm, LPS, z above the bottom of the field of view) onto this case's patient:
 * transverse lengths scale by {@code sxy}, heights by {@code sz} about the vertex line {@link #PIVOT_Z}
 * so that a taller patient loses thigh, never head, out of the 1000 mm field of view.
 */
record BodyFrame(double sxy, double sz) {

    /** Height (mm) kept fixed by the vertical scaling; just above the reference vertex. */
    static final double PIVOT_Z = 990.0;

    double x(double refX) { return refX * sxy; }
    double y(double refY) { return refY * sxy; }
    double z(double refZ) { return PIVOT_Z - sz * (PIVOT_Z - refZ); }
    double lenXy(double refMm) { return refMm * sxy; }
    double lenZ(double refMm) { return refMm * sz; }

    double refX(double x) { return x / sxy; }
    double refY(double y) { return y / sxy; }
    double refZ(double z) { return PIVOT_Z - (PIVOT_Z - z) / sz; }

    /** A reference-patient ellipsoid placed in this case (semi-axes scaled per axis of its own frame, approximately). */
    Ellipsoid ellipsoid(double cx, double cy, double cz, double a, double b, double c, double rx, double ry, double rz) {
        return new Ellipsoid(x(cx), y(cy), z(cz), lenXy(a), lenXy(b), lenZ(c), rx, ry, rz);
    }

    Ellipsoid ellipsoid(double cx, double cy, double cz, double a, double b, double c) {
        return ellipsoid(cx, cy, cz, a, b, c, 0, 0, 0);
    }

    Capsule capsule(double px, double py, double pz, double qx, double qy, double qz, double r) {
        return new Capsule(x(px), y(py), z(pz), x(qx), y(qy), z(qz), lenXy(r));
    }
}
