package org.petal.ml.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolumeGeometryTest {

    private final VolumeGeometry oblique = new VolumeGeometry(10, 20, 30,
        new double[] {2, 3, 4}, new double[] {-100, 50, 7},
        // i along -x, j along +z, k along +y: a permuted, flipped but orthonormal frame
        new double[] {-1, 0, 0, 0, 0, 1, 0, 1, 0});

    @Test
    void voxel_to_world_applies_spacing_then_direction_then_origin() {
        double[] p = oblique.voxelToLps(1, 2, 3);
        assertThat(p).containsExactly(new double[] {-102, 50 + 12, 7 + 6}, within(1e-12));
    }

    @Test
    void world_to_voxel_inverts_voxel_to_world() {
        double[] p = oblique.voxelToLps(3.5, -1.25, 17);
        double[] v = oblique.lpsToVoxel(p[0], p[1], p[2]);
        assertThat(v).containsExactly(new double[] {3.5, -1.25, 17}, within(1e-9));
    }

    @Test
    void ras_is_lps_with_x_and_y_negated() {
        double[] lps = oblique.voxelToLps(4, 5, 6);
        double[] ras = oblique.voxelToRas(4, 5, 6);
        assertThat(ras).containsExactly(new double[] {-lps[0], -lps[1], lps[2]}, within(1e-12));
        assertThat(oblique.rasToVoxel(ras[0], ras[1], ras[2])).containsExactly(new double[] {4, 5, 6}, within(1e-9));
    }

    @Test
    void ras_affine_round_trips_through_from_ras_affine() {
        VolumeGeometry back = VolumeGeometry.fromRasAffine(10, 20, 30, oblique.rasAffine());
        assertThat(back.sameGrid(oblique, 1e-9)).isTrue();
    }

    @Test
    void linear_index_runs_i_fastest() {
        assertThat(oblique.index(1, 0, 0)).isEqualTo(1);
        assertThat(oblique.index(0, 1, 0)).isEqualTo(10);
        assertThat(oblique.index(0, 0, 1)).isEqualTo(200);
    }
}
