package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;

/** The brush's ball swept along a stroke, on small grids, against a direct distance check per voxel. */
class BrushSweepTest {

    @Test
    void onePointPaintsTheVoxelsWhoseCentresLieWithinTheRadius() {
        // 6 mm at 4 mm: the centre, its 6 face neighbours (4 mm) and 12 edge neighbours (5.7 mm); corners are 6.9 mm.
        Footprint f = BrushSweep.sweep(grid(9, 9, 9, 4, 4, 4), 6, List.of(new Voxel(4, 4, 4)));
        assertThat(f.count()).isEqualTo(19);
        assertThat(f.box()).isEqualTo(new Box(3, 3, 3, 6, 6, 6));
        assertThat(f.contains(5, 5, 4)).isTrue();
        assertThat(f.contains(5, 5, 5)).isFalse();
    }

    @Test
    void onAnAnisotropicGridTheBallReachesFartherAlongTheFinerAxes() {
        VolumeGeometry g = grid(15, 15, 15, 1, 2, 4);
        Footprint f = BrushSweep.sweep(g, 4, List.of(new Voxel(7, 7, 7)));
        assertThat(f.box()).as("4 mm is 4 voxels along i, 2 along j, 1 along k").isEqualTo(new Box(3, 5, 6, 12, 10, 9));
        assertThat(f.contains(11, 7, 7)).isTrue();
        assertThat(f.contains(7, 9, 7)).isTrue();
        assertThat(f.contains(7, 7, 8)).isTrue();
        assertThat(f.contains(9, 8, 7)).as("2.8 mm away").isTrue();
        assertThat(f.contains(7, 9, 8)).as("5.7 mm away").isFalse();
        assertThat(f).isEqualTo(directly(g, 4, List.of(new Voxel(7, 7, 7))));
    }

    @Test
    void aBallAtTheEdgeIsClippedToTheVolume() {
        Footprint f = BrushSweep.sweep(grid(5, 5, 5, 4, 4, 4), 6, List.of(new Voxel(0, 0, 0)));
        assertThat(f.box()).isEqualTo(new Box(0, 0, 0, 2, 2, 2));
        assertThat(f.count()).as("the centre, 3 face and 3 edge neighbours").isEqualTo(7);
    }

    @Test
    void aStrokeAlongAnAxisIsACylinderWithRoundEnds() {
        VolumeGeometry g = grid(12, 9, 9, 1, 1, 1);
        Footprint f = BrushSweep.sweep(g, 1.5, List.of(new Voxel(3, 4, 4), new Voxel(8, 4, 4)));
        assertThat(f.contains(5, 5, 5)).as("1.41 mm from the axis").isTrue();
        assertThat(f.contains(2, 4, 4)).as("1 mm beyond the first point").isTrue();
        assertThat(f.contains(1, 4, 4)).as("2 mm beyond it").isFalse();
        assertThat(f.contains(2, 5, 5)).as("1.73 mm from the first point").isFalse();
        assertThat(f).isEqualTo(directly(g, 1.5, List.of(new Voxel(3, 4, 4), new Voxel(8, 4, 4))));
    }

    @Test
    void randomStrokesOnAnisotropicGridsCoverExactlyTheVoxelsWithinTheRadiusOfTheirPolyline() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            VolumeGeometry g = grid(5 + random.nextInt(14), 5 + random.nextInt(14), 5 + random.nextInt(10),
                0.5 + 3 * random.nextDouble(), 0.5 + 3 * random.nextDouble(), 1 + 4 * random.nextDouble());
            double radius = 0.5 + 8 * random.nextDouble();
            List<Voxel> points = new ArrayList<>();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                points.add(new Voxel(random.nextInt(g.nx()), random.nextInt(g.ny()), random.nextInt(g.nz())));
            }
            assertThat(BrushSweep.sweep(g, radius, points)).as("trial %d: %s r=%s on %s", trial, points, radius, g)
                .isEqualTo(directly(g, radius, points));
        }
    }

    @Test
    void aPointRepeatedOrAStrokeBackOnItselfPaintsNoMoreThanItsPath() {
        VolumeGeometry g = grid(10, 10, 10, 2, 2, 3);
        Footprint once = BrushSweep.sweep(g, 3, List.of(new Voxel(2, 5, 5), new Voxel(7, 5, 5)));
        Footprint back = BrushSweep.sweep(g, 3, List.of(new Voxel(2, 5, 5), new Voxel(7, 5, 5), new Voxel(2, 5, 5),
            new Voxel(2, 5, 5)));
        assertThat(back).isEqualTo(once);
    }

    /** Every voxel of the volume tested on its own: the definition the sweep must meet. */
    private static Footprint directly(VolumeGeometry g, double radiusMm, List<Voxel> points) {
        Box box = Box.EMPTY;
        List<int[]> inside = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (distanceToPolylineMm(g, i, j, k, points) <= radiusMm * (1 + 1e-9)) {
                        inside.add(new int[] {i, j, k});
                        box = box.union(Box.of(new Voxel(i, j, k)));
                    }
                }
            }
        }
        java.util.BitSet bits = new java.util.BitSet();
        for (int[] v : inside) {
            bits.set(box.localIndex(v[0], v[1], v[2]));
        }
        return new Footprint(box, bits);
    }

    private static double distanceToPolylineMm(VolumeGeometry g, int i, int j, int k, List<Voxel> points) {
        double[] x = {i * g.spacing(0), j * g.spacing(1), k * g.spacing(2)};
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n < Math.max(1, points.size() - 1); n++) {
            Voxel p = points.get(n);
            Voxel q = points.get(Math.min(n + 1, points.size() - 1));
            double[] a = {p.i() * g.spacing(0), p.j() * g.spacing(1), p.k() * g.spacing(2)};
            double[] d = {(q.i() - p.i()) * g.spacing(0), (q.j() - p.j()) * g.spacing(1), (q.k() - p.k()) * g.spacing(2)};
            double len2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1,
                ((x[0] - a[0]) * d[0] + (x[1] - a[1]) * d[1] + (x[2] - a[2]) * d[2]) / len2));
            double dx = x[0] - a[0] - t * d[0];
            double dy = x[1] - a[1] - t * d[1];
            double dz = x[2] - a[2] - t * d[2];
            best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return best;
    }

    private static VolumeGeometry grid(int nx, int ny, int nz, double sx, double sy, double sz) {
        return VolumeGeometry.axisAligned(nx, ny, nz, sx, sy, sz, new double[3]);
    }
}
