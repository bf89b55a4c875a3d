package org.petal.ml.phantom;

import java.util.List;

/**
 * A closed region of space in millimetres, described by a normalised radius: {@code rho <= 1} inside,
 * {@code 0} at the centre where the shape has one. Uptake profiles (e.g. a necrotic core) are written in
 * terms of {@code rho}, so they work for every shape.
 */
interface Solid {

    double rho(double x, double y, double z);

    /** A box that contains every point with {@code rho <= 1}. */
    Box bounds();

    default boolean contains(double x, double y, double z) {
        return rho(x, y, z) <= 1.0;
    }

    /** Union; the normalised radius of the nearest part. */
    static Solid union(List<? extends Solid> parts) {
        List<Solid> copy = List.copyOf(parts);
        Box box = copy.get(0).bounds();
        for (Solid s : copy) {
            box = box.union(s.bounds());
        }
        Box bounds = box;
        return new Solid() {
            @Override
            public double rho(double x, double y, double z) {
                double best = Double.POSITIVE_INFINITY;
                for (Solid s : copy) {
                    best = Math.min(best, s.rho(x, y, z));
                }
                return best;
            }

            @Override
            public Box bounds() { return bounds; }
        };
    }

    /** This solid with {@code hole} removed (points in the hole are reported as outside). */
    default Solid minus(Solid hole) {
        Solid outer = this;
        return new Solid() {
            @Override
            public double rho(double x, double y, double z) {
                return hole.contains(x, y, z) ? Double.POSITIVE_INFINITY : outer.rho(x, y, z);
            }

            @Override
            public Box bounds() { return outer.bounds(); }
        };
    }
}
