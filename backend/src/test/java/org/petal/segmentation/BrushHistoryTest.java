package org.petal.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.ObjectMask;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.segmentation.EditedObject.Change;
import org.petal.segmentation.InferenceWorker.CaseVolume;

/**
 * Clicks and strokes on one object with the in-process engine, without Spring: how strokes lie over the
 * engine's mask, and one undo history across both. Every change is also applied to a copy, as a browser
 * applies deltas, which must always equal the object's mask.
 */
class BrushHistoryTest {

    private static final Voxel LESION = new Voxel(12, 12, 12);
    /** Background, far from the lesion. */
    private static final Voxel CORNER = new Voxel(4, 4, 4);

    private final InProcessWorker worker = new InProcessWorker(new SegmentationProperties(8192, 20, 4, 32,
        Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofMinutes(30), 2, 1, Duration.ofMinutes(10)));
    private final VolumeGeometry grid = InProcessWorkerTest.lesionVolume().geometry();
    private final EditedObject object = new EditedObject(1, 2,
        worker.open(new CaseVolume(1, 0, InProcessWorkerTest::lesionVolume), "suv-grow", LabelKind.LESION), grid);
    private final ObjectMask browser = new ObjectMask(grid);

    @Test
    void aPaintStrokeOnAnEmptyObjectAddsItsBallAndUndoAndRedoTakeItBackAndForth() {
        Change painted = see(object.stroke(paint(6, CORNER)));
        assertThat(painted.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(painted.box()).isEqualTo(new Box(3, 3, 3, 6, 6, 6));
        assertThat(object.shown().count()).isEqualTo(19);
        assertThat(object.hasStrokes()).isTrue();
        assertThat(object.prompts()).isZero();

        assertThat(see(object.undo(worker)).box()).isEqualTo(painted.box());
        assertThat(object.shown().count()).isZero();
        assertThat(object.hasStrokes()).isFalse();
        see(object.redo(worker));
        assertThat(object.shown().count()).isEqualTo(19);
    }

    @Test
    void erasedVoxelsStayErasedWhenALaterClickRecomputesTheEnginesMask() {
        see(object.click(worker, LESION, true));
        Voxel cut = new Voxel(12, 12, 14);
        assertThat(object.shown().get(cut.i(), cut.j(), cut.k())).isTrue();
        see(object.stroke(erase(6, cut)));
        assertThat(object.shown().get(cut.i(), cut.j(), cut.k())).isFalse();

        // The engine recomputes k 14..16 for this click, over the cut: the cut must survive it.
        Change click = see(object.click(worker, new Voxel(12, 12, 16), true));
        assertThat(click.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(object.shown().get(cut.i(), cut.j(), cut.k())).isFalse();
        assertThat(object.shown().get(12, 12, 16)).isTrue();
        assertThat(object.prompts()).isEqualTo(2);
    }

    @Test
    void undoGoesBackThroughClicksAndStrokesInTheOrderTheyWereMadeAndRedoForward() {
        see(object.click(worker, LESION, true));
        byte[] afterClick = whole(object.shown());
        see(object.stroke(paint(6, CORNER)));
        byte[] afterStroke = whole(object.shown());
        see(object.click(worker, new Voxel(12, 12, 16), true));
        byte[] afterSecondClick = whole(object.shown());

        see(object.undo(worker));
        assertThat(whole(object.shown())).isEqualTo(afterStroke);
        see(object.undo(worker));
        assertThat(whole(object.shown())).isEqualTo(afterClick);
        see(object.undo(worker));
        assertThat(object.shown().count()).isZero();
        assertThat(see(object.undo(worker)).outcome()).isEqualTo(Outcome.REFUSED);

        see(object.redo(worker));
        see(object.redo(worker));
        assertThat(whole(object.shown())).isEqualTo(afterStroke);
        see(object.redo(worker));
        assertThat(whole(object.shown())).isEqualTo(afterSecondClick);
        assertThat(see(object.redo(worker)).message()).isEqualTo("nothing to redo");
    }

    @Test
    void aLaterStrokeWinsOnSharedVoxelsAndUndoingItShowsTheEarlierOneAgain() {
        see(object.stroke(paint(6, CORNER)));
        see(object.stroke(erase(0.5, CORNER)));
        assertThat(object.shown().get(4, 4, 4)).isFalse();
        assertThat(object.shown().count()).isEqualTo(18);
        see(object.undo(worker));
        assertThat(object.shown().get(4, 4, 4)).as("painted by the first stroke").isTrue();
    }

    @Test
    void resetClearsClicksAndStrokesAndItsUndoBringsBothBack() {
        see(object.click(worker, LESION, true));
        see(object.stroke(paint(6, CORNER)));
        byte[] before = whole(object.shown());

        Change reset = see(object.reset(worker));
        assertThat(reset.box()).as("both the lesion and the stroke").isEqualTo(new Box(3, 3, 3, 15, 15, 15));
        assertThat(object.shown().count()).isZero();
        assertThat(object.prompts()).isZero();
        assertThat(object.hasStrokes()).isFalse();

        see(object.undo(worker));
        assertThat(whole(object.shown())).isEqualTo(before);
        assertThat(object.prompts()).isEqualTo(1);
        see(object.redo(worker));
        assertThat(object.shown().count()).isZero();
    }

    @Test
    void anObjectWithOnlyStrokesResetsAndOneWithNothingRefuses() {
        assertThat(see(object.reset(worker)).outcome()).isEqualTo(Outcome.REFUSED);
        see(object.stroke(paint(6, CORNER)));
        assertThat(see(object.reset(worker)).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(object.shown().count()).isZero();
        see(object.undo(worker));
        assertThat(object.shown().count()).isEqualTo(19);
    }

    @Test
    void aNewEditAfterAnUndoDropsWhatCouldBeRedone() {
        see(object.click(worker, LESION, true));
        see(object.undo(worker));
        see(object.stroke(paint(6, CORNER)));
        assertThat(see(object.redo(worker)).outcome()).as("the undone click is gone").isEqualTo(Outcome.REFUSED);
        see(object.click(worker, LESION, true));
        see(object.undo(worker));
        see(object.undo(worker));
        assertThat(object.shown().count()).isZero();
        assertThat(see(object.undo(worker)).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aStrokeThatChangesNothingVisibleIsStillAStepAndProtectsItsVoxels() {
        see(object.click(worker, LESION, true));
        Voxel edge = new Voxel(12, 12, 14);
        Change inside = see(object.stroke(paint(0.5, edge)));
        assertThat(inside.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(inside.visible()).isFalse();
        Change excluded = see(object.click(worker, edge, false));  // the engine cuts a few voxels around it
        assertThat(excluded.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(object.shown().get(11, 12, 14)).isFalse();
        assertThat(object.shown().get(12, 12, 14)).as("painted, so it stays").isTrue();
    }

    /** Applies the change to the browser's copy, then checks the copy against the object's mask. */
    private Change see(Change c) {
        if (c.visible()) {
            browser.write(c.box(), c.voxels());
        }
        assertThat(whole(browser)).as("the browser's copy").isEqualTo(whole(object.shown()));
        return c;
    }

    private byte[] whole(ObjectMask m) {
        return m.read(Box.of(grid));
    }

    private static Stroke paint(double radiusMm, Voxel... points) {
        return new Stroke(false, radiusMm, List.of(points));
    }

    private static Stroke erase(double radiusMm, Voxel... points) {
        return new Stroke(true, radiusMm, List.of(points));
    }
}
