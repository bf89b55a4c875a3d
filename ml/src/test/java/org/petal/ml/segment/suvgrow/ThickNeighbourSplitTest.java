package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class ThickNeighbourSplitTest {

    private static final int N = 48;
    private static final VolumeGeometry GRID = VolumeGeometry.axisAligned(N, N, N, 4, 4, 4, new double[3]);

    private final Scratch scratch = new Scratch();
    private final WindowImage img = WindowImage.read(new PetVolume(GRID, uniform(2.5f), PetUnit.SUV_BW, null),
        Box.of(GRID), scratch);

    private static float[] uniform(float suv) {
        float[] v = new float[N * N * N];
        java.util.Arrays.fill(v, suv);
        return v;
    }

    private void cube(byte[] mask, int i0, int i1, int j0, int j1, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    mask[img.index(i, j, k)] = 1;
                }
            }
        }
    }

    private boolean taken(int[] territory, int i, int j, int k) {
        return java.util.Arrays.binarySearch(territory, img.index(i, j, k)) >= 0;
    }

    @Test
    void aSmallOrganGrownBroadlyIntoAMuchThickerNeighbourOfTheSameUptakeGetsItsOwnVoxelsBack() {
        byte[] region = new byte[img.n];
        cube(region, 20, 28, 20, 28, 4, 20);    // the clicked organ: 8 × 8 × 16, 4 voxels deep
        cube(region, 8, 40, 8, 40, 20, 44);     // the neighbour it touches with its whole top face: 12 deep
        int[] territory = ThickNeighbourSplit.territory(img, img.suv, region, img.index(24, 24, 10), 2.5f, 20, scratch);
        assertThat(taken(territory, 24, 24, 32)).as("the neighbour's centre").isTrue();
        assertThat(taken(territory, 10, 10, 22)).as("a far corner of the neighbour").isTrue();
        assertThat(taken(territory, 24, 24, 10)).as("the click").isFalse();
        assertThat(taken(territory, 24, 24, 5)).as("the organ's far end").isFalse();
        // The split runs half-way between the click and the neighbour's deep core, so the organ's end
        // against the neighbour goes with it; the organ keeps at least three quarters of its 1,024 voxels.
        assertThat(territory.length).as("the neighbour's 24,576 voxels and the organ's end")
            .isBetween(32 * 32 * 24, 32 * 32 * 24 + 1024 / 4);
    }

    @Test
    void anOrganClickedInItsMiddleKeepsEverything() {
        byte[] region = new byte[img.n];
        cube(region, 8, 40, 8, 40, 10, 30);     // one body, 10 voxels deep at its centre
        cube(region, 40, 44, 20, 24, 18, 22);   // and a thin appendage
        int[] territory = ThickNeighbourSplit.territory(img, img.suv, region, img.index(24, 24, 20), 2.5f, 20, scratch);
        assertThat(territory).isEmpty();
    }

    @Test
    void aClickOffTheRegionGivesNothingAway() {
        byte[] region = new byte[img.n];
        cube(region, 8, 40, 8, 40, 10, 30);
        assertThat(ThickNeighbourSplit.territory(img, img.suv, region, img.index(2, 2, 2), 2.5f, 20, scratch)).isEmpty();
    }

    @Test
    void removingTheTerritoryKeepsOnlyWhatStillHangsOnTheClick() {
        byte[] mask = new byte[img.n];
        cube(mask, 20, 28, 20, 28, 4, 20);
        cube(mask, 8, 40, 8, 40, 20, 44);
        int[] territory = ThickNeighbourSplit.territory(img, img.suv, mask, img.index(24, 24, 10), 2.5f, 20, scratch);
        ThickNeighbourSplit.remove(img, mask, territory, img.index(24, 24, 10), scratch);
        assertThat(mask[img.index(24, 24, 32)]).isZero();
        assertThat(mask[img.index(24, 24, 6)]).isEqualTo((byte) 1);
    }
}
