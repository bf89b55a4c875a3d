package org.petal.ml.segment;

import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/** Small synthetic volumes with known hot structures. */
final class TestVolumes {

    private TestVolumes() {}

    /** Background SUV 1; a hot rod (SUV 5) of 4×4 voxels at i,j ∈ [10,14) spanning k ∈ [kFrom, kTo). */
    static PetVolume rod(int nx, int ny, int nz, int kFrom, int kTo) {
        VolumeGeometry g = VolumeGeometry.axisAligned(nx, ny, nz, 2, 2, 2, new double[] {0, 0, 0});
        float[] v = new float[(int) g.voxelCount()];
        java.util.Arrays.fill(v, 1f);
        for (int k = kFrom; k < kTo; k++) {
            for (int j = 10; j < 14; j++) {
                for (int i = 10; i < 14; i++) {
                    v[g.index(i, j, k)] = 5f;
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }
}
