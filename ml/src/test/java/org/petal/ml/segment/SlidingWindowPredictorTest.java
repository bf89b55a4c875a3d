package org.petal.ml.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.volume.PetVolume;

class SlidingWindowPredictorTest {

    private final PetVolume rod = TestVolumes.rod(30, 30, 200, 5, 195);

    @Test
    void a_structure_longer_than_a_patch_is_followed_by_half_shifted_windows() {
        ThresholdTestModel model = new ThresholdTestModel(3f, 32);
        Prediction p = new SlidingWindowPredictor(model, 20).predict(rod, LabelKind.ORGAN,
            List.of(PointPrompt.include(11, 11, 100)), new ObjectMask(rod.geometry()), PatchModel.ObjectState.NONE);

        ObjectMask result = new ObjectMask(rod.geometry());
        result.write(p.covered(), p.mask());
        assertThat(result.count()).isEqualTo(16L * 190);
        assertThat(result.bounds()).isEqualTo(new Box(10, 10, 5, 14, 14, 195));
        assertThat(p.windows()).allSatisfy(w -> assertThat(w.depth()).isEqualTo(32));
        assertThat(p.windows().get(0).k0()).isEqualTo(100 - 16);
    }

    @Test
    void the_number_of_windows_is_capped() {
        Prediction p = new SlidingWindowPredictor(new ThresholdTestModel(3f, 32), 3).predict(rod, LabelKind.ORGAN,
            List.of(PointPrompt.include(11, 11, 100)), new ObjectMask(rod.geometry()), PatchModel.ObjectState.NONE);

        assertThat(p.windows()).hasSize(3);
    }

    @Test
    void windows_near_the_border_are_shifted_inside_and_keep_their_size() {
        SlidingWindowPredictor predictor = new SlidingWindowPredictor(new ThresholdTestModel(3f, 32), 8);

        Box w = predictor.windowAround(new Voxel(1, 29, 199), rod.geometry());

        assertThat(w).isEqualTo(new Box(0, 0, 168, 30, 30, 200));
    }

    @Test
    void without_an_include_click_nothing_is_predicted() {
        ThresholdTestModel model = new ThresholdTestModel(3f, 32);
        Prediction p = new SlidingWindowPredictor(model, 8).predict(rod, LabelKind.ORGAN,
            List.of(PointPrompt.exclude(11, 11, 100)), new ObjectMask(rod.geometry()), PatchModel.ObjectState.NONE);

        assertThat(p.covered().isEmpty()).isTrue();
        assertThat(model.calls).isZero();
    }
}
