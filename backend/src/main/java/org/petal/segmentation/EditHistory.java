package org.petal.segmentation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One object's undo and redo, across clicks and brush strokes, in the order the annotator made them.
 * Clicks keep their voxels in the worker's own history, so a click step only says "ask the worker";
 * a stroke step holds what its voxels were before it.
 *
 * <p>The worker's history holds the engine's steps (clicks and resets) of this one, in the same order:
 * both are stacks that see the same pushes and pops of those steps, so undoing a click step here always
 * undoes that click there. That holds while this history is no deeper than the worker's, which keeps
 * at least as many engine steps.
 */
final class EditHistory {

    /** One undoable edit. */
    sealed interface Step permits ClickStep, StrokeStep, ResetStep {}

    /** A click the worker applied (or found changed nothing); the worker undoes and redoes it. */
    record ClickStep() implements Step {}

    /** A stroke: its voxels, the override it set ({@link StrokeOverrides#PAINT} or ERASE) and what they were before. */
    record StrokeStep(Footprint footprint, byte state, byte[] previous) implements Step {}

    /** A reset: whether the worker reset its clicks too, and the strokes it took away. */
    record ResetStep(boolean engine, StrokeOverrides.Saved strokes) implements Step {}

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final int maxLevels;

    EditHistory(int maxLevels) {
        this.maxLevels = maxLevels;
    }

    /** A new edit: it can be undone, and what was undone before it can no longer be redone. */
    void record(Step step) {
        undo.push(step);
        redo.clear();
        while (undo.size() > maxLevels) {
            undo.removeLast();
        }
    }

    /** The step an undo would take back, or null; it stays until {@link #undone()} confirms it. */
    Step nextUndo() {
        return undo.peek();
    }

    void undone() {
        redo.push(undo.pop());
    }

    /** The step a redo would make again, or null; it stays until {@link #redone()} confirms it. */
    Step nextRedo() {
        return redo.peek();
    }

    void redone() {
        undo.push(redo.pop());
    }
}
