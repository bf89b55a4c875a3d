package org.petal.ml.segment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.volume.PetVolume;

/**
 * The standard {@link InteractiveSession}: clicks accumulate, every click re-runs the sliding-window
 * prediction from all clicks, the difference to the previous mask becomes an undoable edit.
 *
 * <p>Not thread-safe: one session serves one annotator; callers serialise access (session lock first,
 * then any engine/GPU lock).
 */
public final class PromptSession implements InteractiveSession {

    public static final int DEFAULT_MAX_WINDOWS = 8;
    public static final int DEFAULT_UNDO_LEVELS = 200;

    private final PatchModel model;
    private final PetVolume volume;
    private final LabelKind kind;
    private final SlidingWindowPredictor predictor;
    private final ObjectMask mask;
    private final UndoLog history = new UndoLog(DEFAULT_UNDO_LEVELS);
    private List<PointPrompt> prompts = List.of();
    private PatchModel.ObjectState state;

    public PromptSession(PatchModel model, PetVolume volume, LabelKind kind) {
        this(model, volume, kind, DEFAULT_MAX_WINDOWS);
    }

    public PromptSession(PatchModel model, PetVolume volume, LabelKind kind, int maxWindows) {
        this.model = model;
        this.volume = volume;
        this.kind = kind;
        this.predictor = new SlidingWindowPredictor(model, maxWindows);
        this.mask = new ObjectMask(volume.geometry());
        this.state = model.newObject(volume, kind);
    }

    @Override
    public Set<Interaction> supportedInteractions() {
        return EnumSet.of(Interaction.INCLUDE_POINT, Interaction.EXCLUDE_POINT);
    }

    @Override
    public InteractionResult addPoint(Voxel voxel, boolean include) {
        long start = System.nanoTime();
        if (!volume.geometry().contains(voxel.i(), voxel.j(), voxel.k())) {
            return refused("the click " + voxel + " is outside the volume " + volume.geometry().nx() + "x"
                + volume.geometry().ny() + "x" + volume.geometry().nz());
        }
        if (!include && prompts.stream().noneMatch(PointPrompt::include)) {
            return refused("an exclude click needs an object to cut from: start with an include click");
        }
        List<PointPrompt> next = new ArrayList<>(prompts);
        next.add(new PointPrompt(voxel, include));
        Prediction prediction = predictor.predict(volume, kind, List.copyOf(next), mask, state);
        if (include && mask.count() == 0 && isEmpty(prediction)) {
            return refused("nothing to segment at " + voxel + " (SUV " + volume.get(voxel.i(), voxel.j(), voxel.k())
                + "): no structure found under the click");
        }
        Box region = mask.bounds().union(prediction.covered());
        byte[] before = mask.read(region);
        byte[] after = project(prediction, region);
        Box changed = changedBox(region, before, after);
        UndoLog.Edit edit = crop(new UndoLog.Edit(prompts, List.copyOf(next), region, before, after), changed);
        apply(edit.promptsAfter(), edit.box(), edit.after());
        history.record(edit);
        return new InteractionResult(changed.isEmpty() ? InteractionResult.Outcome.NO_CHANGE : InteractionResult.Outcome.APPLIED,
            changed, "", prompts.size(), mask.count(), prediction.windows().size(), prediction.modelMs(), millisSince(start));
    }

    @Override
    public InteractionResult undo() {
        long start = System.nanoTime();
        return history.popUndo()
            .map(e -> replay(e.promptsBefore(), e.box(), e.before(), start))
            .orElseGet(() -> refused("nothing to undo"));
    }

    @Override
    public InteractionResult redo() {
        long start = System.nanoTime();
        return history.popRedo()
            .map(e -> replay(e.promptsAfter(), e.box(), e.after(), start))
            .orElseGet(() -> refused("nothing to redo"));
    }

    @Override
    public InteractionResult reset() {
        long start = System.nanoTime();
        Box region = mask.bounds();
        if (prompts.isEmpty() && region.isEmpty()) {
            return refused("nothing to reset");
        }
        UndoLog.Edit edit = new UndoLog.Edit(prompts, List.of(), region, mask.read(region), new byte[Math.toIntExact(region.voxelCount())]);
        apply(List.of(), region, edit.after());
        history.record(edit);
        return new InteractionResult(InteractionResult.Outcome.APPLIED, region, "", 0, 0, 0, 0, millisSince(start));
    }

    @Override
    public ObjectMask mask() { return mask; }

    @Override
    public List<PointPrompt> prompts() { return prompts; }

    public LabelKind kind() { return kind; }

    public String engine() { return model.name(); }

    private InteractionResult replay(List<PointPrompt> toPrompts, Box box, byte[] values, long start) {
        apply(toPrompts, box, values);
        return new InteractionResult(box.isEmpty() ? InteractionResult.Outcome.NO_CHANGE : InteractionResult.Outcome.APPLIED,
            box, "", prompts.size(), mask.count(), 0, 0, millisSince(start));
    }

    private void apply(List<PointPrompt> newPrompts, Box box, byte[] values) {
        if (!box.isEmpty()) {
            mask.write(box, values);
        }
        // A fresh object (no clicks left) gets fresh engine state: a first click fixes it anew.
        if (newPrompts.isEmpty() && !prompts.isEmpty()) {
            state = model.newObject(volume, kind);
        }
        prompts = newPrompts;
    }

    private InteractionResult refused(String message) {
        return InteractionResult.refused(message, prompts.size(), mask.count());
    }

    private static boolean isEmpty(Prediction p) {
        for (byte b : p.mask()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The prediction over {@code region} (which covers it): outside the predicted windows the object is empty. */
    private static byte[] project(Prediction p, Box region) {
        byte[] out = new byte[Math.toIntExact(region.voxelCount())];
        Box c = p.covered();
        for (int k = c.k0(); k < c.k1(); k++) {
            for (int j = c.j0(); j < c.j1(); j++) {
                System.arraycopy(p.mask(), c.localIndex(c.i0(), j, k), out, region.localIndex(c.i0(), j, k), c.width());
            }
        }
        return out;
    }

    private static Box changedBox(Box region, byte[] before, byte[] after) {
        byte[] diff = new byte[before.length];
        for (int n = 0; n < diff.length; n++) {
            diff[n] = (byte) (before[n] ^ after[n]);
        }
        return ObjectMask.boundsOfOnes(region, diff);
    }

    /** Keeps only the changed box in the history entry. */
    private static UndoLog.Edit crop(UndoLog.Edit e, Box changed) {
        if (changed.equals(e.box())) {
            return e;
        }
        return new UndoLog.Edit(e.promptsBefore(), e.promptsAfter(), changed, sub(e.box(), e.before(), changed), sub(e.box(), e.after(), changed));
    }

    private static byte[] sub(Box from, byte[] values, Box to) {
        byte[] out = new byte[Math.toIntExact(to.voxelCount())];
        for (int k = to.k0(); k < to.k1(); k++) {
            for (int j = to.j0(); j < to.j1(); j++) {
                System.arraycopy(values, from.localIndex(to.i0(), j, k), out, to.localIndex(to.i0(), j, k), to.width());
            }
        }
        return out;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
