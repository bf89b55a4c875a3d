package org.petal.segmentation;

import java.util.BitSet;
import java.util.List;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Rasterises a brush stroke: the voxels whose centres lie within {@code radiusMm} (inclusive) of the
 * stroke's polyline, i.e. a ball swept along each segment between consecutive points. Distances are in
 * millimetres along the voxel axes ({@code i·sx, j·sy, k·sz}), so on an anisotropic grid the ball is an
 * ellipsoid in voxel units; the grid's direction does not matter, as a rotation keeps distances.
 *
 * <p>A segment's swept ball is a capsule, which is convex: a row of voxels along {@code i} meets it in one
 * interval, found in closed form. The cost grows with the rows a segment passes, not with its voxels,
 * so a long stroke of a large brush stays cheap.
 */
final class BrushSweep {

    /** In voxels: a centre exactly on the surface counts as inside despite rounding. */
    private static final double EPS = 1e-6;

    private BrushSweep() {}

    /**
     * The covered voxels, clipped to the volume.
     *
     * @param points voxel indices of the polyline, at least one; a single point paints one ball
     */
    static Footprint sweep(VolumeGeometry g, double radiusMm, List<Voxel> points) {
        double[] s = g.spacing();
        int[] reach = new int[3];
        for (int a = 0; a < 3; a++) {
            reach[a] = (int) Math.floor(radiusMm / s[a] + EPS);
        }
        Box box = Box.EMPTY;
        for (Voxel p : points) {
            box = box.union(ball(p, reach));
        }
        box = box.intersect(Box.of(g));
        BitSet covered = new BitSet();
        int segments = Math.max(1, points.size() - 1);  // one point: a segment of length 0, a ball
        for (int n = 0; n < segments; n++) {
            Voxel from = points.get(n);
            Voxel to = points.get(Math.min(n + 1, points.size() - 1));
            Box rows = ball(from, reach).union(ball(to, reach)).intersect(box);
            paintCapsule(new Capsule(mm(from, s), mm(to, s), radiusMm), rows, box, s, covered);
        }
        return new Footprint(box, covered);
    }

    /** The box of a ball around {@code p}, before clipping to the volume. */
    private static Box ball(Voxel p, int[] reach) {
        return new Box(p.i() - reach[0], p.j() - reach[1], p.k() - reach[2],
            p.i() + reach[0] + 1, p.j() + reach[1] + 1, p.k() + reach[2] + 1);
    }

    private static void paintCapsule(Capsule c, Box rows, Box box, double[] s, BitSet covered) {
        for (int k = rows.k0(); k < rows.k1(); k++) {
            for (int j = rows.j0(); j < rows.j1(); j++) {
                double[] span = c.row(j * s[1], k * s[2], s[0]);
                if (span == null) {
                    continue;
                }
                int lo = Math.max(rows.i0(), (int) Math.ceil(span[0] - EPS));
                int hi = Math.min(rows.i1() - 1, (int) Math.floor(span[1] + EPS));
                if (lo <= hi) {
                    covered.set(box.localIndex(lo, j, k), box.localIndex(hi, j, k) + 1);
                }
            }
        }
    }

    private static double[] mm(Voxel v, double[] s) {
        return new double[] {v.i() * s[0], v.j() * s[1], v.k() * s[2]};
    }

    /** The points within {@code r} of segment {@code ab}, in mm; {@code a == b} is a ball. */
    private record Capsule(double[] a, double[] b, double r) {

        /** The interval of {@code i} (continuous, in voxels) where the row at {@code y, z} mm is inside, or null. */
        double[] row(double y, double z, double sx) {
            return hull(hull(ball(a, y, z, sx), ball(b, y, z, sx)), cylinder(y, z, sx));
        }

        private double[] ball(double[] c, double y, double z, double sx) {
            double q = r * r - (y - c[1]) * (y - c[1]) - (z - c[2]) * (z - c[2]);
            return q < 0 ? null : new double[] {(c[0] - Math.sqrt(q)) / sx, (c[0] + Math.sqrt(q)) / sx};
        }

        /**
         * The part between the end balls: points whose projection falls on the segment and whose distance
         * to its line is at most r. With {@code w(t) = (t·sx, y, z) - a} and {@code d = b - a}, the
         * squared distance to the line is a quadratic in {@code t}, the projection linear.
         */
        private double[] cylinder(double y, double z, double sx) {
            double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            double len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            if (len2 == 0) {
                return null;
            }
            double[] w0 = {-a[0], y - a[1], z - a[2]};
            double w0d = w0[0] * d[0] + w0[1] * d[1] + w0[2] * d[2];
            double ed = sx * d[0];
            double qa = sx * sx - ed * ed / len2;
            double qb = 2 * (w0[0] * sx - w0d * ed / len2);
            double qc = w0[0] * w0[0] + w0[1] * w0[1] + w0[2] * w0[2] - w0d * w0d / len2 - r * r;
            double[] near = within(qa, qb, qc, sx);
            double[] onSegment = ed == 0
                ? (w0d >= 0 && w0d <= len2 ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null)
                : sorted(-w0d / ed, (len2 - w0d) / ed);
            return intersect(near, onSegment);
        }

        /** Where {@code qa·t² + qb·t + qc ≤ 0}; {@code qa ≥ 0}, and about 0 when the row runs along the segment. */
        private static double[] within(double qa, double qb, double qc, double sx) {
            if (qa <= 1e-12 * sx * sx) {
                return qc <= 0 ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
            }
            double disc = qb * qb - 4 * qa * qc;
            return disc < 0 ? null : new double[] {(-qb - Math.sqrt(disc)) / (2 * qa), (-qb + Math.sqrt(disc)) / (2 * qa)};
        }

        private static double[] sorted(double x, double y) {
            return new double[] {Math.min(x, y), Math.max(x, y)};
        }

        private static double[] intersect(double[] p, double[] q) {
            if (p == null || q == null || Math.max(p[0], q[0]) > Math.min(p[1], q[1])) {
                return null;
            }
            return new double[] {Math.max(p[0], q[0]), Math.min(p[1], q[1])};
        }

        /** Both intervals and the gap between them: exact here, since a capsule meets a line in one interval. */
        private static double[] hull(double[] p, double[] q) {
            if (p == null || q == null) {
                return p == null ? q : p;
            }
            return new double[] {Math.min(p[0], q[0]), Math.max(p[1], q[1])};
        }
    }
}
