package org.petal.ml.phantom;

import java.util.SplittableRandom;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

/**
 * A generated phantom sampled onto AutoPET's whole-body grid (400×400×326 at 2.04×2.04×3 mm), the size of
 * real scans: benchmarks and the browser harness use it to measure at the size annotators work on.
 */
public final class AutoPetGridPhantom {

    public static final int NX = 400;
    public static final int NY = 400;
    public static final int NZ = 326;

    private AutoPetGridPhantom() {}

    /** The grid: the body in the middle of the transverse field of view. */
    public static VolumeGeometry grid() {
        return VolumeGeometry.axisAligned(NX, NY, NZ, 2.036, 2.036, 3.0, new double[] {-406, -406, 0});
    }

    /**
     * The phantom sampled (nearest neighbour) onto {@link #grid()}, with air around it as in a real scan.
     * With {@code noisyAir} the air gets reconstruction-like low-level noise (|N(0, 0.05)| SUV), which makes
     * the file compress about as poorly as real scans do.
     */
    public static PetVolume resample(PhantomCase phantom, boolean noisyAir) {
        SplittableRandom random = new SplittableRandom(11);
        PetVolume source = phantom.pet();
        VolumeGeometry g = grid();
        float[] v = new float[(int) g.voxelCount()];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    int[] s = sourceVoxel(source.geometry(), g, i, j, k);
                    float value = source.geometry().contains(s[0], s[1], s[2]) ? source.get(s[0], s[1], s[2]) : 0f;
                    if (noisyAir && value < 0.05f) {
                        value = (float) Math.abs(0.05 * random.nextGaussian());
                    }
                    v[g.index(i, j, k)] = value;
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, SuvParameters.declaredSuv("phantom " + phantom.caseId() + " on the AutoPET grid"));
    }

    /** The grid voxel nearest to a point of the phantom (e.g. a lesion's centre). */
    public static int[] gridVoxel(PhantomLesion.Point lps) {
        double[] v = grid().lpsToVoxel(lps.x(), lps.y(), lps.z());
        return new int[] {(int) Math.round(v[0]), (int) Math.round(v[1]), (int) Math.round(v[2])};
    }

    private static int[] sourceVoxel(VolumeGeometry source, VolumeGeometry target, int i, int j, int k) {
        double[] lps = target.voxelToLps(i, j, k);
        double[] s = source.lpsToVoxel(lps[0], lps[1], lps[2]);
        return new int[] {(int) Math.round(s[0]), (int) Math.round(s[1]), (int) Math.round(s[2])};
    }
}
