package org.petal.ml.segment.suvgrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class SuvGrowModelTest {

    private static final int N = 48;
    private static final double MM = 2.0;
    private final SuvGrowModel model = new SuvGrowModel();

    /** Background SUV 1 plus Gaussian-blurred-looking spheres: value = bg + peak·exp(−r²/2s²). */
    private static PetVolume volume(double[][] blobs) {
        return volume(1.0, blobs);
    }

    private static PetVolume volume(double background, double[][] blobs) {
        VolumeGeometry g = VolumeGeometry.axisAligned(N, N, N, MM, MM, MM, new double[3]);
        float[] v = new float[N * N * N];
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    double x = background;
                    for (double[] b : blobs) {
                        double r2 = (i - b[0]) * (i - b[0]) + (j - b[1]) * (j - b[1]) + (k - b[2]) * (k - b[2]);
                        x += b[3] * Math.exp(-r2 / (2 * b[4] * b[4]));
                    }
                    v[g.index(i, j, k)] = (float) x;
                }
            }
        }
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }

    private float[] run(PetVolume pet, Box window, LabelKind kind, PointPrompt... prompts) {
        PatchModel.ObjectState state = model.newObject(pet, kind);
        return GrowEval.predict(model, pet, window, kind, List.of(prompts), state);
    }

    private static boolean[] above(PetVolume pet, float t, Box within) {
        boolean[] m = new boolean[pet.voxels().length];
        VolumeGeometry g = pet.geometry();
        for (int v = 0; v < m.length; v++) {
            m[v] = pet.voxels()[v] >= t && within.contains(v % g.nx(), (v / g.nx()) % g.ny(), v / (g.nx() * g.ny()));
        }
        return m;
    }

    @Test
    void oneClickNearThePeakOfASphericalLesionMatchesTheFortyOnePercentRegion() {
        PetVolume pet = volume(new double[][] {{24, 24, 24, 9, 3}});
        Box all = Box.of(pet.geometry());
        float[] p = run(pet, all, LabelKind.LESION, PointPrompt.include(26, 23, 25));
        boolean[] truth = GrowEval.component(above(pet, 0.41f * 10f, all), pet.geometry(), pet.geometry().index(24, 24, 24));
        assertThat(GrowEval.dice(GrowEval.paste(p, all, pet.geometry()), truth)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aSmallLesionInAWarmOrganGrowsItsOwnHillNotTheWholeOrgan() {
        // Peak 3.5 on an organ at SUV 2: 41 % of the peak (1.4) lies below the organ, so the plain rule
        // would take all 110,592 voxels of it.
        PetVolume pet = volume(2.0, new double[][] {{24, 24, 24, 1.5, 1.5}});
        Box all = Box.of(pet.geometry());
        float[] p = run(pet, all, LabelKind.LESION, PointPrompt.include(24, 24, 24));
        boolean[] mask = GrowEval.paste(p, all, pet.geometry());
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        assertThat(count).as("voxels of the lesion mask").isBetween(20, 400);
        assertThat(mask[pet.geometry().index(24, 24, 24)]).isTrue();
    }

    @Test
    void aWellContrastedLesionKeepsTheFortyOnePercentRegionUnderTheFloodGuard() {
        PetVolume pet = volume(0.5, new double[][] {{24, 24, 24, 12, 3}});
        Box all = Box.of(pet.geometry());
        float[] p = run(pet, all, LabelKind.LESION, PointPrompt.include(24, 24, 24));
        boolean[] truth = GrowEval.component(above(pet, 0.41f * 12.5f, all), pet.geometry(), pet.geometry().index(24, 24, 24));
        assertThat(GrowEval.dice(GrowEval.paste(p, all, pet.geometry()), truth)).isEqualTo(1.0);
    }

    @Test
    void theClickedVoxelIsInTheMaskEvenWhenItsPeakNeighbourSetsAHigherLevel() {
        PetVolume pet = uniform(0.5f);
        VolumeGeometry g = pet.geometry();
        pet.voxels()[g.index(24, 24, 24)] = 10f;
        pet.voxels()[g.index(25, 24, 24)] = 2f;
        Box all = Box.of(g);
        boolean[] mask = GrowEval.paste(run(pet, all, LabelKind.LESION, PointPrompt.include(25, 24, 24)), all, g);
        assertThat(mask[g.index(25, 24, 24)]).as("the clicked voxel").isTrue();
        assertThat(mask[g.index(24, 24, 24)]).as("the peak").isTrue();
    }

    @Test
    void theSameInputGivesIdenticalOutput() {
        PetVolume pet = volume(new double[][] {{20, 24, 24, 8, 3}, {27, 24, 24, 8, 3}});
        Box all = Box.of(pet.geometry());
        PointPrompt[] clicks = {PointPrompt.include(20, 24, 24), PointPrompt.exclude(28, 24, 24)};
        assertThat(run(pet, all, LabelKind.LESION, clicks)).containsExactly(run(pet, all, LabelKind.LESION, clicks));
        assertThat(run(pet, all, LabelKind.ORGAN, clicks)).containsExactly(run(pet, all, LabelKind.ORGAN, clicks));
    }

    @Test
    void anExcludeClickRemovesTheOtherOfTwoTouchingHotSpheresAndKeepsTheClickedOne() {
        PetVolume pet = volume(new double[][] {{18, 24, 24, 8, 3}, {29, 24, 24, 9, 3}});
        Box all = Box.of(pet.geometry());
        VolumeGeometry g = pet.geometry();
        boolean[] both = GrowEval.paste(run(pet, all, LabelKind.LESION, PointPrompt.include(18, 24, 24)), all, g);
        assertThat(both[g.index(29, 24, 24)]).as("41% of the first peak reaches the touching sphere").isTrue();

        boolean[] split = GrowEval.paste(run(pet, all, LabelKind.LESION, PointPrompt.include(18, 24, 24),
            PointPrompt.exclude(29, 24, 24)), all, g);
        int left = 0;
        int right = 0;
        for (int v = 0; v < split.length; v++) {
            if (split[v] && v % N >= 25) right++; // the valley lies near i = 23.5
            if (split[v] && v % N < 22) left++;
        }
        assertThat(right).as("voxels of the excluded sphere left").isZero();
        assertThat(left).isGreaterThan(50);
        assertThat(split[g.index(18, 24, 24)]).isTrue();
    }

    @Test
    void anExcludeClickAloneGivesAllZeros() {
        PetVolume pet = volume(new double[][] {{24, 24, 24, 9, 3}});
        float[] p = run(pet, Box.of(pet.geometry()), LabelKind.LESION, PointPrompt.exclude(24, 24, 24));
        assertThat(p).containsOnly(0f);
    }

    @Test
    void anIncludeClickOnBackgroundGivesAllZeros() {
        // SUV 0.6 is background for a lesion but may be a cold organ (lung); only air is background for organs.
        assertThat(run(uniform(0.6f), Box.of(uniform(0.6f).geometry()), LabelKind.LESION, PointPrompt.include(10, 10, 10))).containsOnly(0f);
        assertThat(run(uniform(0.05f), Box.of(uniform(0.05f).geometry()), LabelKind.ORGAN, PointPrompt.include(10, 10, 10))).containsOnly(0f);
    }

    @Test
    void aClickInAColdButActiveOrganSuchAsTheLungIsNotBackground() {
        assertThat(run(uniform(0.4f), Box.of(uniform(0.4f).geometry()), LabelKind.ORGAN, PointPrompt.include(10, 10, 10))).contains(1f);
    }

    private static PetVolume uniform(float suv) {
        VolumeGeometry g = VolumeGeometry.axisAligned(N, N, N, MM, MM, MM, new double[3]);
        float[] v = new float[N * N * N];
        java.util.Arrays.fill(v, suv);
        return new PetVolume(g, v, PetUnit.SUV_BW, null);
    }

    @Test
    void aClickOnTheWindowEdgeGrowsInsideTheWindowOnly() {
        PetVolume pet = volume(new double[][] {{24, 24, 24, 9, 3}});
        Box window = new Box(24, 10, 10, 40, 40, 40);
        float[] p = run(pet, window, LabelKind.LESION, PointPrompt.include(24, 24, 24));
        assertThat(p).hasSize((int) window.voxelCount());
        assertThat(p[window.localIndex(24, 24, 24)]).isEqualTo(1f);
        assertThat(p[window.localIndex(27, 24, 24)]).isEqualTo(1f);
    }

    @Test
    void stitchedForegroundFromAnEarlierWindowContinuesTheGrowWithoutAClickInside() {
        PetVolume pet = volume(new double[][] {{24, 24, 24, 9, 4}});
        Box window = new Box(24, 0, 0, 48, 48, 48);
        PatchModel.ObjectState state = model.newObject(pet, LabelKind.LESION);
        // First window (left half) fixes the threshold from the click.
        Box left = new Box(0, 0, 0, 24, 48, 48);
        float[] first = GrowEval.predict(model, pet, left, LabelKind.LESION, List.of(PointPrompt.include(22, 24, 24)), state);
        assertThat(first[left.localIndex(23, 24, 24)]).isEqualTo(1f);
        float[] stitched = new float[(int) window.voxelCount()];
        java.util.Arrays.fill(stitched, Float.NaN);
        stitched[window.localIndex(24, 24, 24)] = 1f;
        float[] second = model.predict(new org.petal.ml.segment.PatchRequest(pet, window, LabelKind.LESION,
            List.of(PointPrompt.include(22, 24, 24)), new float[stitched.length], stitched, state));
        assertThat(second[window.localIndex(27, 24, 24)]).isEqualTo(1f);
        assertThat(((SuvGrowState) state).threshold(new Voxel(22, 24, 24))).isPresent();
    }

    @Test
    void everyThresholdRuleSegmentsAHotSphere() {
        PetVolume pet = volume(new double[][] {{24, 24, 24, 9, 3}});
        Box all = Box.of(pet.geometry());
        for (LesionThreshold rule : LesionThreshold.values()) {
            SuvGrowModel m = new SuvGrowModel(SuvGrowConfig.DEFAULTS.withLesionThreshold(rule));
            float[] p = GrowEval.predict(m, pet, all, LabelKind.LESION, List.of(PointPrompt.include(24, 24, 24)),
                m.newObject(pet, LabelKind.LESION));
            double sum = 0;
            for (float x : p) sum += x;
            assertThat(sum).as(rule.name()).isBetween(50.0, 5000.0);
        }
    }
}
