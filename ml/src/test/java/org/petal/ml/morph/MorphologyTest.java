package org.petal.ml.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

class MorphologyTest {

    private final VolumeGeometry grid = Shapes.grid(20, 18, 16, 1, 1, 1);

    @Test
    void aMaskFromALabelHoldsExactlyThatLabelAndIsStoredOverItsBoundingBox() {
        LabelVolume labels = LabelVolume.empty(grid);
        labels.set(3, 4, 5, 2);
        labels.set(6, 4, 7, 2);
        labels.set(1, 1, 1, 1);
        BinaryMask mask = BinaryMask.fromLabel(labels, 2);
        assertThat(mask.count()).isEqualTo(2);
        assertThat(mask.get(3, 4, 5)).isTrue();
        assertThat(mask.get(1, 1, 1)).isFalse();
        assertThat(mask.boundingBox()).isEqualTo(new Box(3, 4, 5, 7, 5, 8));
        assertThat(mask.window()).isEqualTo(mask.boundingBox());
    }

    @Test
    void diagonalNeighboursAreOneComponentWith26ConnectivityAndTwoWith6() {
        BinaryMask mask = new BinaryMask(grid);
        mask.set(5, 5, 5, true);
        mask.set(6, 6, 6, true);
        mask.set(10, 10, 10, true);
        assertThat(ConnectedComponents.of(mask, Connectivity.TWENTY_SIX).count()).isEqualTo(2);
        assertThat(ConnectedComponents.of(mask, Connectivity.SIX).count()).isEqualTo(3);
    }

    @Test
    void componentsAreNumberedByTheirFirstVoxelInRasterOrder() {
        BinaryMask mask = Shapes.block(grid, 0, 0, 10, 3, 3, 13).or(Shapes.block(grid, 10, 10, 2, 12, 12, 4));
        Components cc = ConnectedComponents.of(mask, Connectivity.SIX);
        assertThat(cc.count()).isEqualTo(2);
        assertThat(cc.firstVoxel(1)).isEqualTo(new Voxel(10, 10, 2));
        assertThat(cc.size(1)).isEqualTo(8);
        assertThat(cc.size(2)).isEqualTo(27);
        assertThat(cc.largest()).isEqualTo(2);
        assertThat(cc.mask(2).sameVoxels(Shapes.block(grid, 0, 0, 10, 3, 3, 13))).isTrue();
        assertThat(cc.boundingBox(1)).isEqualTo(new Box(10, 10, 2, 12, 12, 4));
    }

    @Test
    void theDistanceTransformEqualsBruteForceOnAnAnisotropicGrid() {
        int w = 9, h = 7, d = 6;
        double[] spacing = {0.8, 1.7, 3.1};
        Random random = new Random(7);
        boolean[] feature = new boolean[w * h * d];
        for (int n = 0; n < feature.length; n++) {
            feature[n] = random.nextDouble() < 0.05;
        }
        float[] sq = DistanceTransform.squaredToFeatures(feature, w, h, d, spacing);
        for (int n = 0; n < feature.length; n++) {
            double best = Double.POSITIVE_INFINITY;
            for (int m = 0; m < feature.length; m++) {
                if (feature[m]) {
                    double dx = (n % w - m % w) * spacing[0];
                    double dy = ((n / w) % h - (m / w) % h) * spacing[1];
                    double dz = (n / (w * h) - m / (w * h)) * spacing[2];
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
            assertThat((double) sq[n]).isCloseTo(best, within(1e-3));
        }
    }

    @Test
    void withoutAnyFeatureEveryDistanceIsInfinite() {
        float[] sq = DistanceTransform.squaredToFeatures(new boolean[8], 2, 2, 2, new double[] {1, 1, 1});
        assertThat(sq).containsOnly(Float.POSITIVE_INFINITY);
    }

    @Test
    void theInsideDistanceOfABallPeaksAtItsCentreAtAboutItsRadius() {
        VolumeGeometry g = Shapes.grid(40, 40, 30, 1, 1, 2);
        BinaryMask ball = Shapes.ball(g, 20, 19, 15, 12);
        DistanceMap inside = DistanceTransform.inside(ball);
        assertThat(inside.argMax(ball)).contains(new Voxel(20, 19, 15));
        // The nearest outside voxel centre lies just beyond the radius: within one voxel step of it.
        assertThat(inside.max(ball)).isBetween(12.0, 13.0);
    }

    @Test
    void theVolumeBorderCountsAsOutsideForInsideDistances() {
        BinaryMask full = Shapes.block(grid, 0, 0, 0, grid.nx(), grid.ny(), grid.nz());
        DistanceMap inside = DistanceTransform.inside(full);
        assertThat(inside.get(0, 5, 5)).isEqualTo(1.0);
        assertThat(inside.get(10, 9, 8)).as("8 voxels below the top of the grid").isEqualTo(8.0);
    }

    @Test
    void theSurfaceOfABlockIsItsOuterShellIncludingFacesOnTheVolumeBorder() {
        BinaryMask block = Shapes.block(grid, 0, 2, 2, 5, 7, 7);
        BinaryMask surface = Surface.of(block);
        assertThat(surface.count()).isEqualTo(125 - 3 * 3 * 3);
        assertThat(surface.get(0, 4, 4)).as("on the volume border").isTrue();
        assertThat(surface.get(2, 4, 4)).isFalse();
    }

    @Test
    void aWholeBodyGridIsProcessedInSeconds() {
        VolumeGeometry g = Shapes.grid(400, 400, 326, 2.0364, 2.0364, 3);
        BinaryMask body = new BinaryMask(g, new Box(40, 60, 10, 360, 340, 320));
        for (int k = 10; k < 320; k++) {
            for (int j = 60; j < 340; j++) {
                for (int i = 40; i < 360; i++) {
                    double x = (i - 200) / 160.0, y = (j - 200) / 140.0;
                    if (x * x + y * y <= 1) {
                        body.set(i, j, k, true);
                    }
                }
            }
        }
        long start = System.nanoTime();
        DistanceMap inside = DistanceTransform.inside(body);
        BinaryMask surface = Surface.of(body);
        Components cc = ConnectedComponents.of(body, Connectivity.SIX);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(cc.count()).isEqualTo(1);
        assertThat(surface.count()).isPositive();
        assertThat(inside.max(body)).isGreaterThan(100);
        assertThat(seconds).isLessThan(30);
    }
}
