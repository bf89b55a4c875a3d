package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.segment.Box;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class RimCompletionTest {

    private static final int N = 24;

    /** Concentric cubes about the centre: value by Chebyshev distance layer from the cube [lo, hi)³. */
    private static PetVolume shells(float core, float rim, float outside, float surround) {
        VolumeGeometry g = VolumeGeometry.axisAligned(N, N, N, 2, 2, 2, new double[3]);
        float[] v = new float[N * N * N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    int d = Math.max(Math.max(outside(i), outside(j)), outside(k));
                    v[g.index(i, j, k)] = d <= 0 ? core : d == 1 ? rim : d == 2 ? outside : surround;
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }

    /** Layers outside the core cube [8, 16): 0 inside, 1 for the first layer out (7 or 16), ... */
    private static int outside(int x) {
        return x < 8 ? 8 - x : x >= 16 ? x - 15 : 0;
    }

    private static int[] complete(PetVolume pet) {
        Scratch scratch = new Scratch();
        WindowImage img = WindowImage.read(pet, Box.of(pet.geometry()), scratch);
        byte[] mask = new byte[img.n];
        int core = 0;
        for (int x = 0; x < img.n; x++) {
            if (pet.voxels()[x] == pet.voxels()[pet.geometry().index(12, 12, 12)]) {
                mask[x] = 1;
                core++;
            }
        }
        RimCompletion.complete(img, mask, scratch);
        int total = 0;
        for (byte b : mask) {
            total += b;
        }
        return new int[] {core, total};
    }

    @Test
    void aWarmOrgansBlurredRimPastHalfWayJoinsAndTheLayerBeyondItDoesNot() {
        // Organ 4 in a surround of about 1: half-way is about 2.5. The rim (2.9) joins, the next layer (1.2)
        // does not. "Layer" is 6-connected: the rim's cube edges and corners are not next to the organ.
        int[] counts = complete(shells(4f, 2.9f, 1.2f, 1f));
        assertThat(counts[0]).isEqualTo(8 * 8 * 8);
        assertThat(counts[1]).isEqualTo(8 * 8 * 8 + 6 * 8 * 8);
    }

    @Test
    void aRimBelowHalfWayStaysOut() {
        int[] counts = complete(shells(4f, 2.0f, 1.2f, 1f));
        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    @Test
    void aColdOrgansRimJoinsWhenItIsAtMostHalfWayUpToItsWarmerSurround() {
        // Lung-like: organ 0.5 in tissue at about 2; half-way is about 1.25.
        int[] counts = complete(shells(0.5f, 0.9f, 1.9f, 2f));
        assertThat(counts[1]).isEqualTo(8 * 8 * 8 + 6 * 8 * 8);
    }

    /**
     * A wall (x = 11–13, SUV 3) between lung (0.5, x below 10) and blood (2, x above 14). Each side is judged
     * against its own surround: the lung side's blurred voxel (1.8) is past half-way to the wall (1.75) and
     * joins; the cavity side's (2.3) is short of half-way from the blood (2.5) and stays out. One level from
     * the mean of both sides (1.25 → 2.1) would have taken the cavity's fringe and left the lung side's out.
     */
    @Test
    void eachSideOfAWallIsJudgedAgainstItsOwnSurround() {
        VolumeGeometry g = VolumeGeometry.axisAligned(N, N, N, 2, 2, 2, new double[3]);
        float[] v = new float[N * N * N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    v[g.index(i, j, k)] = i < 10 ? 0.5f : i == 10 ? 1.8f : i <= 13 ? 3f : i == 14 ? 2.3f : 2f;
                }
            }
        }
        PetVolume pet = new PetVolume(g, v, PetUnit.SUV_BW, null);
        Scratch scratch = new Scratch();
        WindowImage img = WindowImage.read(pet, Box.of(g), scratch);
        byte[] mask = new byte[img.n];
        for (int x = 0; x < img.n; x++) {
            mask[x] = (byte) (v[x] == 3f ? 1 : 0);
        }

        RimCompletion.complete(img, mask, scratch);

        assertThat(mask[g.index(10, 12, 12)]).as("lung side, 1.8 against 0.5").isEqualTo((byte) 1);
        assertThat(mask[g.index(14, 12, 12)]).as("cavity side, 2.3 against 2").isEqualTo((byte) 0);
    }
}
