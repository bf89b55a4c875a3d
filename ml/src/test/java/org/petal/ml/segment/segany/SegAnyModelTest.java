package org.petal.ml.segment.segany;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.PatchModel.ObjectState;
import org.petal.ml.segment.PatchRequest;
import org.petal.ml.segment.PointPrompt;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * The {@code segany} engine inside the patch framework, on a randomly initialised tiny network (what the
 * weights say is irrelevant here; how the engine feeds them is the subject).
 */
class SegAnyModelTest {

    private static SegAnyModel model;
    private static PetVolume suv;

    @BeforeAll
    static void load() {
        model = SegAnyModel.load(SegAnySettings.cpu(PythonModels.model("tiny")));
        suv = sphereVolume(1f);
    }

    @Test
    void theWindowSpans128VoxelsOfOneAndAHalfMillimetres() {
        VolumeGeometry g = VolumeGeometry.axisAligned(200, 200, 300, 4.0, 4.0, 3.0, new double[3]);
        assertThat(model.windowSize(g)).containsExactly(48, 48, 64);
    }

    @Test
    void aClickGivesProbabilitiesOverTheWholeWindow() {
        float[] p = predict(suv, List.of(include(32, 32, 32)), model.newObject(suv, LabelKind.LESION));
        assertThat(p).hasSize(64 * 64 * 64);
        double min = 1, max = 0;
        for (float x : p) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(min).isGreaterThan(0);
        assertThat(max).isLessThan(1).isGreaterThan(min);
    }

    @Test
    void theSameClicksGiveTheSameProbabilities() {
        List<PointPrompt> clicks = List.of(include(32, 32, 32), exclude(40, 30, 32));
        assertThat(predict(suv, clicks, model.newObject(suv, LabelKind.LESION)))
            .containsExactly(predict(suv, clicks, model.newObject(suv, LabelKind.LESION)));
    }

    @Test
    void undoingAClickReturnsExactlyTheEarlierResult() {
        ObjectState state = model.newObject(suv, LabelKind.ORGAN);
        float[] one = predict(suv, List.of(include(32, 32, 32)), state);
        float[] two = predict(suv, List.of(include(32, 32, 32), include(20, 32, 32)), state);
        float[] undone = predict(suv, List.of(include(32, 32, 32)), state);
        assertThat(two).isNotEqualTo(one);
        assertThat(undone).containsExactly(one);
    }

    @Test
    void bqPerMlAndSuvGiveTheSameResultBecauseTheZScoreCancelsTheScale() {
        PetVolume bqml = sphereVolume(5000f);
        List<PointPrompt> clicks = List.of(include(32, 32, 32));
        float[] a = predict(suv, clicks, model.newObject(suv, LabelKind.LESION));
        float[] b = predict(bqml, clicks, model.newObject(bqml, LabelKind.LESION));
        assertThat(GoldenTensors.relativeError(b, a)).isLessThan(1e-4);
    }

    @Test
    void anEmptyCropOrAnExcludeOnlyPromptGivesNothingAndNoError() {
        PetVolume empty = new PetVolume(suv.geometry(), new float[64 * 64 * 64], PetUnit.SUV_BW, null);
        assertThat(predict(empty, List.of(include(32, 32, 32)), model.newObject(empty, LabelKind.LESION))).containsOnly(0f);
        assertThat(predict(suv, List.of(exclude(32, 32, 32)), model.newObject(suv, LabelKind.LESION))).containsOnly(0f);
    }

    @Test
    void aNeighbourWindowWithoutClicksContinuesFromTheStitchedForeground() {
        Box window = Box.of(suv.geometry());
        float[] stitched = new float[64 * 64 * 64];
        Arrays.fill(stitched, Float.NaN);
        stitched[window.localIndex(10, 32, 32)] = 0.9f;
        // The object's only click lies outside this window; the stitched voxel becomes its click.
        PatchRequest r = new PatchRequest(suv, window, LabelKind.LESION, List.of(include(500, 32, 32)),
            new float[stitched.length], stitched, model.newObject(suv, LabelKind.LESION));
        float[] continued = model.predict(r);
        assertThat(continued).isEqualTo(predict(suv, List.of(include(10, 32, 32)), model.newObject(suv, LabelKind.LESION)));
    }

    private static float[] predict(PetVolume volume, List<PointPrompt> prompts, ObjectState state) {
        Box window = Box.of(volume.geometry());
        float[] nan = new float[Math.toIntExact(window.voxelCount())];
        Arrays.fill(nan, Float.NaN);
        return model.predict(new PatchRequest(volume, window, LabelKind.LESION, prompts, new float[nan.length], nan, state));
    }

    /** 64³ at 3 mm: background 1, a hot sphere of radius 8 voxels in the middle, times {@code scale}. */
    private static PetVolume sphereVolume(float scale) {
        VolumeGeometry g = VolumeGeometry.axisAligned(64, 64, 64, 3.0, 3.0, 3.0, new double[3]);
        float[] v = new float[64 * 64 * 64];
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 64; j++) {
                for (int i = 0; i < 64; i++) {
                    double r2 = Math.pow(i - 32, 2) + Math.pow(j - 32, 2) + Math.pow(k - 32, 2);
                    v[g.index(i, j, k)] = scale * (r2 <= 64 ? 8f : 1f + 0.01f * ((i * 7 + j * 13 + k * 3) % 10));
                }
            }
        }
        return new PetVolume(g, v, scale == 1f ? PetUnit.SUV_BW : PetUnit.BQ_PER_ML, null);
    }

    private static PointPrompt include(int i, int j, int k) {
        return new PointPrompt(new Voxel(i, j, k), true);
    }

    private static PointPrompt exclude(int i, int j, int k) {
        return new PointPrompt(new Voxel(i, j, k), false);
    }
}
