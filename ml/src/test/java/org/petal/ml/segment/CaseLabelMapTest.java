package org.petal.ml.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.petal.ml.volume.VolumeGeometry;

class CaseLabelMapTest {

    private final VolumeGeometry g = VolumeGeometry.axisAligned(10, 10, 10, 1, 1, 1, new double[] {0, 0, 0});

    private ObjectMask cube(int from, int to) {
        ObjectMask m = new ObjectMask(g);
        Box b = new Box(from, from, from, to, to, to);
        byte[] ones = new byte[(int) b.voxelCount()];
        java.util.Arrays.fill(ones, (byte) 1);
        m.write(b, ones);
        return m;
    }

    @Test
    void the_newest_object_wins_an_overlap_with_an_unlocked_label() {
        CaseLabelMap map = new CaseLabelMap(g, CaseLabelMap.Policy.OVERWRITE_UNLOCKED);
        int liver = map.newObject(3);
        int lesion = map.newObject(11);
        map.write(liver, cube(0, 6), Box.of(g));
        map.write(lesion, cube(4, 8), Box.of(g));

        assertThat(map.labels().get(5, 5, 5)).isEqualTo(11);
        assertThat(map.labels().get(2, 2, 2)).isEqualTo(3);
    }

    @Test
    void a_locked_label_is_never_overwritten() {
        CaseLabelMap map = new CaseLabelMap(g, CaseLabelMap.Policy.OVERWRITE_UNLOCKED);
        int liver = map.newObject(3);
        int lesion = map.newObject(11);
        map.write(liver, cube(0, 6), Box.of(g));
        map.lock(3);

        long refused = map.write(lesion, cube(4, 8), Box.of(g));

        assertThat(map.labels().get(5, 5, 5)).isEqualTo(3);
        assertThat(refused).isEqualTo(8);
        assertThatThrownBy(() -> map.write(liver, cube(0, 2), Box.of(g))).hasMessageContaining("locked");
    }

    @Test
    void keep_existing_never_takes_voxels_from_another_object() {
        CaseLabelMap map = new CaseLabelMap(g, CaseLabelMap.Policy.KEEP_EXISTING);
        int a = map.newObject(11);
        int b = map.newObject(11);
        map.write(a, cube(0, 6), Box.of(g));
        map.write(b, cube(4, 8), Box.of(g));

        assertThat(map.ownerOf(5, 5, 5)).isEqualTo(a);
        assertThat(map.ownerOf(7, 7, 7)).isEqualTo(b);
    }

    @Test
    void shrinking_one_lesion_never_erases_its_neighbour_with_the_same_label() {
        CaseLabelMap map = new CaseLabelMap(g, CaseLabelMap.Policy.OVERWRITE_UNLOCKED);
        int a = map.newObject(11);
        int b = map.newObject(11);
        map.write(a, cube(0, 3), Box.of(g));
        map.write(b, cube(3, 6), Box.of(g));

        map.write(a, new ObjectMask(g), Box.of(g));

        assertThat(map.labels().get(1, 1, 1)).isZero();
        assertThat(map.labels().get(4, 4, 4)).isEqualTo(11);
    }
}
