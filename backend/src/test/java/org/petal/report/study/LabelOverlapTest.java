package org.petal.report.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelOverlapTest {

    private static final int N = 10;

    /** A 10³ map with label {@code value} in the box [i0, i0 + size) × [j0, j0 + size) × [k0, k0 + size). */
    private static byte[] cube(byte[] map, int value, int i0, int j0, int k0, int size) {
        for (int k = k0; k < k0 + size; k++) {
            for (int j = j0; j < j0 + size; j++) {
                for (int i = i0; i < i0 + size; i++) {
                    map[i + N * (j + N * k)] = (byte) value;
                }
            }
        }
        return map;
    }

    @Test
    void aCubeAndTheSameCubeShiftedByOneVoxelHaveDiceThreeQuarters() {
        byte[] a = cube(new byte[N * N * N], 2, 3, 3, 3, 4);
        byte[] b = cube(new byte[N * N * N], 2, 4, 3, 3, 4);
        LabelOverlap o = LabelOverlap.of(a, b);
        assertThat(o.voxelsA(2)).isEqualTo(64);
        assertThat(o.voxelsB(2)).isEqualTo(64);
        assertThat(o.overlap(2)).isEqualTo(48);
        assertThat(o.dice(2)).isEqualTo(0.75);
    }

    @Test
    void eachLabelIsComparedOnItsOwnAndALabelInOnlyOneMapHasDiceZero() {
        byte[] a = cube(cube(new byte[N * N * N], 1, 0, 0, 0, 2), 200, 6, 6, 6, 2);
        byte[] b = cube(new byte[N * N * N], 1, 0, 0, 0, 2);
        LabelOverlap o = LabelOverlap.of(a, b);
        assertThat(o.dice(1)).isEqualTo(1.0);
        assertThat(o.dice(200)).isEqualTo(0.0);
        assertThat(o.present(200)).isTrue();
    }

    @Test
    void aLabelEmptyInBothMapsHasNoDice() {
        byte[] a = cube(new byte[N * N * N], 1, 0, 0, 0, 2);
        LabelOverlap o = LabelOverlap.of(a, a.clone());
        assertThat(o.present(2)).isFalse();
        assertThat(o.dice(2)).isNull();
    }
}
