package org.petal.ml.segment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Multi-level undo/redo as a stack of edits. An edit stores only the changed box before and after, so a
 * click that changes a 2 ml lesion costs a few kilobytes of history, not a volume.
 */
final class UndoLog {

    /** One reversible step: the prompts and the changed voxels on both sides of it. */
    record Edit(List<PointPrompt> promptsBefore, List<PointPrompt> promptsAfter, Box box, byte[] before, byte[] after) {}

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final int maxLevels;

    UndoLog(int maxLevels) {
        this.maxLevels = maxLevels;
    }

    void record(Edit edit) {
        undo.push(edit);
        redo.clear();
        while (undo.size() > maxLevels) {
            undo.removeLast();
        }
    }

    Optional<Edit> popUndo() {
        Edit e = undo.poll();
        if (e != null) {
            redo.push(e);
        }
        return Optional.ofNullable(e);
    }

    Optional<Edit> popRedo() {
        Edit e = redo.poll();
        if (e != null) {
            undo.push(e);
        }
        return Optional.ofNullable(e);
    }

    int undoLevels() { return undo.size(); }

    int redoLevels() { return redo.size(); }
}
