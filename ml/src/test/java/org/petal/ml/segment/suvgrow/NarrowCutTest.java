package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class NarrowCutTest {

    private static final int N = 32;

    private final Scratch scratch = new Scratch();
    private final WindowImage img = WindowImage.read(new PetVolume(
        VolumeGeometry.axisAligned(N, N, N, 4, 4, 4, new double[3]), new float[N * N * N], PetUnit.SUV_BW, null),
        Box.of(VolumeGeometry.axisAligned(N, N, N, 4, 4, 4, new double[3])), scratch);

    private void cube(byte[] mask, int i0, int i1, int j0, int j1, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    mask[img.index(i, j, k)] = 1;
                }
            }
        }
    }

    private static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += b;
        }
        return n;
    }

    @Test
    void twoOrgansTouchingThroughAOneVoxelBridgeComeApartAndTheClickedOneStaysWhole() {
        byte[] mask = new byte[img.n];
        cube(mask, 4, 12, 4, 12, 4, 12);      // the clicked organ, 8³
        cube(mask, 12, 16, 8, 9, 8, 9);       // a thin bridge
        cube(mask, 16, 26, 4, 14, 4, 14);     // the neighbour it flooded, 10³
        NarrowCut.apply(img, mask, img.index(8, 8, 8), count(mask), scratch);
        assertThat(mask[img.index(20, 8, 8)]).as("the neighbour").isZero();
        assertThat(mask[img.index(14, 8, 8)]).as("the bridge").isZero();
        // A one-voxel cross opening rounds a box's 80 edge and corner voxels off (organs have no edges);
        // the bridge's first voxel stays, next to a face voxel that counts as interior.
        assertThat(count(mask)).isEqualTo(8 * 8 * 8 - 80 + 1);
        assertThat(mask[img.index(4, 8, 8)]).as("a face of the organ").isEqualTo((byte) 1);
    }

    @Test
    void aThickContactIsNotCut() {
        byte[] mask = new byte[img.n];
        cube(mask, 4, 12, 4, 12, 4, 12);
        cube(mask, 12, 20, 4, 12, 4, 12);
        NarrowCut.apply(img, mask, img.index(8, 8, 8), count(mask), scratch);
        // Only the 16×8×8 box's edges go: 4 × 14 + 8 × 6 + 8 corners.
        assertThat(count(mask)).isEqualTo(2 * 8 * 8 * 8 - (4 * 14 + 8 * 6 + 8));
        assertThat(mask[img.index(16, 8, 8)]).as("the other half").isEqualTo((byte) 1);
    }

    @Test
    void aClickOnTheRimLeavesTheRegionAlone() {
        byte[] mask = new byte[img.n];
        cube(mask, 4, 12, 4, 12, 4, 12);
        cube(mask, 12, 16, 8, 9, 8, 9);
        NarrowCut.apply(img, mask, img.index(4, 8, 8), count(mask), scratch);
        assertThat(count(mask)).isEqualTo(8 * 8 * 8 + 4);
    }

    @Test
    void aWallThinNearlyEverywhereIsNotShreddedDownToTheClick() {
        byte[] mask = new byte[img.n];
        cube(mask, 4, 28, 4, 28, 10, 12);     // a wall two voxels thick: nothing of it survives the erosion
        cube(mask, 14, 17, 14, 17, 12, 13);   // a local thickening under the click makes the click interior
        int before = count(mask);
        NarrowCut.apply(img, mask, img.index(15, 15, 11), before, scratch);
        assertThat(count(mask)).as("the cut would keep a few voxels of 1,161").isEqualTo(before);
    }
}
