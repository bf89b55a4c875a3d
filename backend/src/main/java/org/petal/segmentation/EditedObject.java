package org.petal.segmentation;

import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.InteractionResult.Outcome;
import org.petal.ml.segment.ObjectMask;
import org.petal.ml.segment.PromptSession;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.segmentation.EditHistory.ClickStep;
import org.petal.segmentation.EditHistory.ResetStep;
import org.petal.segmentation.EditHistory.Step;
import org.petal.segmentation.EditHistory.StrokeStep;
import org.petal.segmentation.InferenceWorker.Handle;
import org.petal.segmentation.InferenceWorker.WorkerResult;

/**
 * An open object of a sitting and how its clicks and strokes combine: what the browser shows is the
 * engine's mask with the strokes laid over it ({@link StrokeOverrides}), and one {@link EditHistory}
 * undoes both in the order they were made. Two mirrors: the engine's mask, kept from the worker's deltas
 * (so local and remote workers work alike), and the shown mask, from which every delta to the browser is
 * cut, so the browser and {@code accept} see the same voxels.
 *
 * <p>Not thread-safe: a socket's requests run one after another.
 */
final class EditedObject {

    /**
     * What an edit did to the shown mask: the tight box that changed ({@link Box#EMPTY} when nothing did)
     * with its voxels, and the engine's numbers (zeros for strokes).
     */
    record Change(Outcome outcome, String message, Box box, byte[] voxels, int windows, double modelMs, double totalMs) {
        boolean visible() {
            return !box.isEmpty();
        }
    }

    /** The tight box that changed and its new voxels. */
    private record Shown(Box box, byte[] voxels) {
        static final Shown NOTHING = new Shown(Box.EMPTY, new byte[0]);
    }

    private final int id;
    private final int label;
    private final Handle handle;
    private final VolumeGeometry geometry;
    private final ObjectMask engineMask;
    private final ObjectMask shown;
    private final StrokeOverrides strokes = new StrokeOverrides();
    // No deeper than the worker's history (see EditHistory).
    private final EditHistory history = new EditHistory(PromptSession.DEFAULT_UNDO_LEVELS);
    private int prompts;

    EditedObject(int id, int label, Handle handle, VolumeGeometry geometry) {
        this.id = id;
        this.label = label;
        this.handle = handle;
        this.geometry = geometry;
        this.engineMask = new ObjectMask(geometry);
        this.shown = new ObjectMask(geometry);
    }

    int id() { return id; }
    int label() { return label; }
    Handle handle() { return handle; }
    /** Clicks in effect (the worker's count). */
    int prompts() { return prompts; }
    /** The mask the browser shows and {@code accept} stores: the engine's with the strokes over it. */
    ObjectMask shown() { return shown; }
    boolean hasStrokes() { return !strokes.isEmpty(); }

    Change click(InferenceWorker worker, Voxel voxel, boolean include) {
        WorkerResult w = worker.click(handle, voxel, include);
        if (w.result().outcome() != Outcome.REFUSED) {
            history.record(new ClickStep());  // the worker recorded it too, even when nothing changed
        }
        return settle(w, Box.EMPTY, System.nanoTime());
    }

    Change stroke(Stroke stroke) {
        long start = System.nanoTime();
        Footprint f = stroke.footprint(geometry);
        history.record(new StrokeStep(f, stroke.override(), strokes.apply(f, stroke.override())));
        return settle(null, f.box(), start);
    }

    /** Clears clicks and strokes in one undoable step. */
    Change reset(InferenceWorker worker) {
        long start = System.nanoTime();
        boolean hadStrokes = hasStrokes();
        WorkerResult w = worker.reset(handle);  // refused when it has nothing to reset
        boolean engine = w.result().outcome() != Outcome.REFUSED;
        if (!engine && !hadStrokes) {
            return settle(w, Box.EMPTY, start);
        }
        StrokeOverrides.Saved saved = strokes.clear();
        history.record(new ResetStep(engine, saved));
        return settle(engine ? w : null, saved.bounds(), start);
    }

    Change undo(InferenceWorker worker) {
        Step step = history.nextUndo();
        if (step == null) {
            return refused("nothing to undo");
        }
        Change c = takeBack(step, worker);
        if (c.outcome() != Outcome.REFUSED) {
            history.undone();
        }
        return c;
    }

    Change redo(InferenceWorker worker) {
        Step step = history.nextRedo();
        if (step == null) {
            return refused("nothing to redo");
        }
        Change c = makeAgain(step, worker);
        if (c.outcome() != Outcome.REFUSED) {
            history.redone();
        }
        return c;
    }

    private Change takeBack(Step step, InferenceWorker worker) {
        long start = System.nanoTime();
        if (step instanceof ClickStep) {
            return settle(worker.undo(handle), Box.EMPTY, start);
        }
        if (step instanceof StrokeStep s) {
            strokes.restore(s.footprint(), s.previous());
            return settle(null, s.footprint().box(), start);
        }
        ResetStep r = (ResetStep) step;
        WorkerResult w = r.engine() ? worker.undo(handle) : null;
        if (refused(w)) {
            return settle(w, Box.EMPTY, start);
        }
        strokes.restore(r.strokes());
        return settle(w, r.strokes().bounds(), start);
    }

    private Change makeAgain(Step step, InferenceWorker worker) {
        long start = System.nanoTime();
        if (step instanceof ClickStep) {
            return settle(worker.redo(handle), Box.EMPTY, start);
        }
        if (step instanceof StrokeStep s) {
            strokes.apply(s.footprint(), s.state());
            return settle(null, s.footprint().box(), start);
        }
        ResetStep r = (ResetStep) step;
        WorkerResult w = r.engine() ? worker.redo(handle) : null;
        if (refused(w)) {
            return settle(w, Box.EMPTY, start);
        }
        strokes.clear();
        return settle(w, r.strokes().bounds(), start);
    }

    /**
     * Takes in what the worker did (null: not asked), then recomputes the shown mask where the engine's
     * mask or the strokes changed. A refusal changes nothing.
     */
    private Change settle(WorkerResult w, Box strokesChanged, long start) {
        if (refused(w)) {
            return refused(w.result().message(), w.result().totalMs());
        }
        InteractionResult r = w == null ? null : w.result();
        Box engineChanged = r == null ? Box.EMPTY : r.changed();
        if (r != null) {
            prompts = r.prompts();
            if (!engineChanged.isEmpty()) {
                engineMask.write(engineChanged, w.changedVoxels());
            }
        }
        Shown s = refresh(engineChanged.union(strokesChanged));
        Outcome outcome = s.box().isEmpty() ? Outcome.NO_CHANGE : Outcome.APPLIED;
        if (r == null) {
            return new Change(outcome, "", s.box(), s.voxels(), 0, 0, (System.nanoTime() - start) / 1e6);
        }
        String message = !engineChanged.isEmpty() && s.box().isEmpty()
            ? "the engine's change lies under brush strokes, which win" : r.message();
        return new Change(outcome, message, s.box(), s.voxels(), r.windows(), r.modelMs(), r.totalMs());
    }

    /** Shown = engine ⊕ strokes over {@code region}; returns where the shown mask changed. */
    private Shown refresh(Box region) {
        if (region.isEmpty()) {
            return Shown.NOTHING;
        }
        byte[] now = engineMask.read(region);
        strokes.overlay(region, now);
        Box changed = Boxes.differenceBounds(region, now, shown.read(region));
        if (changed.isEmpty()) {
            return Shown.NOTHING;
        }
        byte[] voxels = Boxes.crop(region, now, changed);
        shown.write(changed, voxels);
        return new Shown(changed, voxels);
    }

    private static Change refused(String message) {
        return refused(message, 0);
    }

    private static Change refused(String message, double totalMs) {
        return new Change(Outcome.REFUSED, message, Box.EMPTY, new byte[0], 0, 0, totalMs);
    }

    private static boolean refused(WorkerResult w) {
        return w != null && w.result().outcome() == Outcome.REFUSED;
    }
}
