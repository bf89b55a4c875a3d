package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class FarGrowthTest {

    private static final int N = 24;
    private static final VolumeGeometry GRID = VolumeGeometry.axisAligned(N, N, N, 4, 4, 4, new double[3]);
    private final Scratch scratch = new Scratch();
    private final WindowImage img = WindowImage.read(new PetVolume(GRID, new float[N * N * N], PetUnit.SUV_BW, null),
        Box.of(GRID), scratch);

    /** The cube [lo, hi)³. */
    private static byte[] cube(int lo, int hi) {
        byte[] mask = new byte[N * N * N];
        for (int k = lo; k < hi; k++) {
            for (int j = lo; j < hi; j++) {
                for (int i = lo; i < hi; i++) {
                    mask[GRID.index(i, j, k)] = 1;
                }
            }
        }
        return mask;
    }

    @Test
    void a_contour_that_moves_out_by_a_layer_is_not_far() {
        assertThat(FarGrowth.count(img, cube(8, 14), cube(7, 15), scratch)).isZero();
    }

    @Test
    void a_tube_that_leaves_the_region_is_far_beyond_twelve_millimetres() {
        byte[] after = cube(8, 14);
        for (int i = 14; i < 24; i++) {
            after[GRID.index(i, 10, 10)] = 1;  // 10 voxels of 4 mm; the first 3 lie within 12 mm
        }

        assertThat(FarGrowth.count(img, cube(8, 14), after, scratch)).isEqualTo(7);
    }
}
