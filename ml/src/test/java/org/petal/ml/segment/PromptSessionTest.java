package org.petal.ml.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.volume.PetVolume;

class PromptSessionTest {

    private final PetVolume rod = TestVolumes.rod(30, 30, 60, 5, 55);
    private final PromptSession session = new PromptSession(new ThresholdTestModel(3f, 64), rod, LabelKind.ORGAN);

    @Test
    void an_include_click_on_the_structure_returns_its_box_as_the_change() {
        InteractionResult r = session.addPoint(new Voxel(11, 11, 30), true);

        assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(r.changed()).isEqualTo(new Box(10, 10, 5, 14, 14, 55));
        assertThat(r.maskVoxels()).isEqualTo(16L * 50);
        assertThat(r.windows()).isEqualTo(1);
    }

    @Test
    void an_exclude_click_removes_the_part_under_it_and_reports_only_that_box() {
        session.addPoint(new Voxel(11, 11, 30), true);

        InteractionResult r = session.addPoint(new Voxel(11, 11, 40), false);

        assertThat(r.changed()).isEqualTo(new Box(10, 10, 37, 14, 14, 44));
        assertThat(session.mask().get(11, 11, 40)).isFalse();
        assertThat(session.mask().get(11, 11, 30)).isTrue();
        assertThat(session.prompts()).hasSize(2);
    }

    @Test
    void undo_and_redo_walk_the_history_several_levels_deep() {
        session.addPoint(new Voxel(11, 11, 30), true);
        session.addPoint(new Voxel(11, 11, 40), false);
        session.addPoint(new Voxel(11, 11, 15), false);
        long afterThree = session.mask().count();

        session.undo();
        session.undo();
        assertThat(session.mask().count()).isEqualTo(16L * 50);
        assertThat(session.prompts()).hasSize(1);
        session.undo();
        assertThat(session.mask().count()).isZero();
        assertThat(session.undo().outcome()).isEqualTo(Outcome.REFUSED);

        session.redo();
        session.redo();
        session.redo();
        assertThat(session.mask().count()).isEqualTo(afterThree);
        assertThat(session.redo().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void a_new_click_after_undo_discards_the_redo_branch() {
        session.addPoint(new Voxel(11, 11, 30), true);
        session.addPoint(new Voxel(11, 11, 40), false);
        session.undo();

        session.addPoint(new Voxel(11, 11, 20), false);

        assertThat(session.redo().message()).isEqualTo("nothing to redo");
        assertThat(session.mask().get(11, 11, 40)).isTrue();
    }

    @Test
    void reset_clears_everything_and_can_itself_be_undone() {
        session.addPoint(new Voxel(11, 11, 30), true);

        session.reset();
        assertThat(session.mask().count()).isZero();
        assertThat(session.prompts()).isEmpty();

        session.undo();
        assertThat(session.mask().count()).isEqualTo(16L * 50);
        assertThat(session.prompts()).hasSize(1);
    }

    @Test
    void a_click_outside_the_volume_is_refused_without_changing_anything() {
        InteractionResult r = session.addPoint(new Voxel(11, 11, 60), true);

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.message()).contains("outside the volume");
        assertThat(session.prompts()).isEmpty();
    }

    @Test
    void an_exclude_click_first_is_refused_with_a_hint() {
        InteractionResult r = session.addPoint(new Voxel(11, 11, 30), false);

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.message()).contains("start with an include click");
    }

    @Test
    void an_include_click_on_background_produces_no_mask_and_is_not_recorded() {
        PromptSession small = new PromptSession(new ThresholdTestModel(3f, 16), rod, LabelKind.ORGAN);

        InteractionResult r = small.addPoint(new Voxel(25, 25, 30), true);

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.message()).contains("nothing to segment");
        assertThat(small.prompts()).isEmpty();
        assertThat(small.undo().outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void the_session_advertises_include_and_exclude_points() {
        assertThat(session.supportedInteractions()).containsExactlyInAnyOrder(Interaction.INCLUDE_POINT, Interaction.EXCLUDE_POINT);
    }
}
