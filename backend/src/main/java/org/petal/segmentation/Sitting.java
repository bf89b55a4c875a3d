package org.petal.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService.RevisionView;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseView;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.CaseLabelMap;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.ObjectMask;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.projects.ProjectService.LabelSpec;
import org.petal.segmentation.InferenceWorker.Handle;
import org.petal.system.Problems;
import org.petal.users.Actor;

/**
 * One socket's sitting on one assignment: the objects opened in it (each an {@link EditedObject}, which
 * combines clicks and brush strokes and mirrors the mask the browser shows, so accepting works alike for
 * local and remote workers) and the interaction-log session. Edits go to the object opened last.
 *
 * <p>Not thread-safe: a socket's requests run one after another (see {@link SerialQueue}).
 */
final class Sitting {

    /** A request that needs an open object or sitting arrived before {@code open}. */
    static final class NotOpen extends RuntimeException {
        NotOpen(String message) { super(message); }
    }

    /** A stated limit of the sitting was reached. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) { super(message); }
    }

    private final Sittings services;
    private final Actor actor;
    private final List<EditedObject> objects = new ArrayList<>();
    private Long assignmentId;
    private Long sessionId;
    private VolumeGeometry geometry;
    /** The revision the sitting started from and its labels (null: none); accept lays the objects over it. */
    private Long baseRevisionId;
    private byte[] base;
    private boolean unsaved;
    /** The assignment is in a time study's manual arm: the annotator's own strokes only, no AI clicks. */
    private boolean manualArm;

    Sitting(Sittings services, Actor actor) {
        this.services = services;
        this.actor = actor;
    }

    Actor actor() {
        return actor;
    }

    /** The assignment of an opened sitting, or null before the first {@code open}. */
    Long assignmentId() {
        return sessionId == null ? null : assignmentId;
    }

    /** Opens a new object (and, the first time, the sitting); rights and state are checked by the services. */
    Message.Ready open(Message.Open m) {
        if (assignmentId != null && assignmentId.longValue() != m.assignmentId()) {
            throw new Problems.BadRequest("this socket's sitting is on assignment " + assignmentId
                + "; close it and use a new socket for assignment " + m.assignmentId());
        }
        if (objects.size() >= services.properties.maxObjectsPerSitting()) {
            throw new LimitReached("a sitting holds at most " + services.properties.maxObjectsPerSitting() + " objects");
        }
        AssignmentView a = services.assignments.get(actor, m.assignmentId());
        CaseView c = services.cases.get(actor, a.caseId());
        LabelSpec label = services.projects.get(c.projectId()).labels().stream().filter(l -> l.value() == m.label())
            .findFirst().orElseThrow(() -> new Problems.BadRequest("label " + m.label() + " is not in the project's label set"));
        String engine = m.engine() != null ? m.engine() : label.defaultEngine();
        if (!services.worker.engines().contains(engine)) {
            throw new Problems.BadRequest("unknown engine '" + engine + "'; available: " + services.worker.engines());
        }
        if (sessionId == null) {
            services.parked.discard(actor, a.id());  // a sitting left behind must not be resumed over this one
            sessionId = services.log.open(actor, a.id());  // owner only; makes the assignment IN_PROGRESS
            assignmentId = a.id();
            manualArm = a.mode() == AssignmentMode.MANUAL;
            geometry = services.cases.store(actor, c.id()).geometry();
            baseRevisionId = services.newestRevision(actor, a.id());
            base = baseRevisionId == null ? null : services.revisions.labels(actor, baseRevisionId);
        } else {
            services.assignments.requireEditable(actor, a.id());
        }
        var volume = new InferenceWorker.CaseVolume(c.id(), c.version(), () -> services.cases.volume(actor, c.id()));
        Handle handle = services.worker.open(volume, engine, label.kind());
        EditedObject o = new EditedObject(objects.size() + 1, label.value(), handle, geometry);
        objects.add(o);
        int[] d = c.dims();
        return new Message.Ready(sessionId, o.id(), o.label(), engine, new Message.Index3(d[0], d[1], d[2]),
            services.properties.heartbeatInterval().toMillis());
    }

    /**
     * Applies an edit to the object opened last. The mask delta (when the mask changed) goes to
     * {@code deltas} before the result is returned, so the client always has the voxels a result names.
     */
    Message.Result edit(Message.Edit e, long receivedNanos, Consumer<byte[]> deltas) {
        EditedObject o = current();
        services.assignments.requireEditable(actor, assignmentId);  // e.g. submitted from another tab meanwhile
        if (manualArm && e instanceof Message.Click) {
            // A click would put the engine's work into the manual arm's times and masks, and the study's
            // comparison would no longer compare AI-assisted with manual work.
            throw new Problems.Forbidden("this assignment is in the manual arm of a time study: AI clicks are off, "
                + "draw with the brush");
        }
        EditedObject.Change c = apply(o, e);
        unsaved |= c.outcome() != InteractionResult.Outcome.REFUSED;
        if (c.visible()) {
            deltas.accept(new MaskDelta(o.label(), o.id(), c.box(), c.voxels()).encode());
        }
        long maskVoxels = o.shown().count();
        String engine = e instanceof Message.Brush ? null : o.handle().engine();  // strokes are the annotator's own
        services.log.record(actor, assignmentId, sessionId, EditRecords.eventType(e), o.label(), engine, c.totalMs(),
            EditRecords.detail(e, c, maskVoxels));
        return new Message.Result(EditRecords.action(e), o.id(), o.label(), c.outcome(), c.message(),
            Message.Region.of(c.box()), c.visible(), o.prompts(), maskVoxels, c.windows(), c.modelMs(), c.totalMs(),
            (System.nanoTime() - receivedNanos) / 1e6);
    }

    /**
     * Stores the case label map as a new revision: the sitting's base revision with all objects laid over it
     * in the order they were opened (through {@link CaseLabelMap}: where two overlap, the later one wins; an
     * object's voxel wins over the base).
     */
    Message.Accepted accept() {
        if (sessionId == null) {
            throw new NotOpen("open an object before accepting");
        }
        CaseLabelMap map = new CaseLabelMap(geometry, CaseLabelMap.Policy.OVERWRITE_UNLOCKED);
        for (EditedObject o : objects) {
            map.write(map.newObject(o.label()), o.shown(), o.shown().bounds());
        }
        short[] values = map.labels().labels();
        byte[] labels = new byte[values.length];
        for (int n = 0; n < values.length; n++) {
            labels[n] = values[n] != 0 || base == null ? (byte) values[n] : base[n];  // project labels are 1..255
        }
        RevisionView r = services.revisions.accept(actor, assignmentId, sessionId, labels, source());
        unsaved = false;
        return new Message.Accepted(r.id(), r.labelledVoxels());
    }

    /**
     * This sitting's state for a client that resumes it, after sending each object's whole mask to
     * {@code deltas} (so the client can rebuild what it showed).
     */
    Message.Resumed resumed(Consumer<byte[]> deltas) {
        services.assignments.requireEditable(actor, assignmentId);
        List<Message.ObjectState> states = new ArrayList<>();
        for (EditedObject o : objects) {
            ObjectMask shown = o.shown();
            Box box = shown.bounds();
            if (!box.isEmpty()) {
                deltas.accept(new MaskDelta(o.label(), o.id(), box, shown.read(box)).encode());
            }
            states.add(new Message.ObjectState(o.id(), o.label(), o.handle().engine(), o.prompts(), shown.count()));
        }
        return new Message.Resumed(sessionId, baseRevisionId, states, unsaved, services.properties.heartbeatInterval().toMillis());
    }

    /** Releases every object and closes the log session; safe to call twice. */
    void close() {
        objects.forEach(o -> services.worker.release(o.handle()));
        objects.clear();
        if (sessionId != null) {
            services.log.close(actor, sessionId);
            sessionId = null;
        }
    }

    private EditedObject current() {
        if (objects.isEmpty()) {
            throw new NotOpen("no object is open: send open first");
        }
        return objects.get(objects.size() - 1);
    }

    private EditedObject.Change apply(EditedObject o, Message.Edit e) {
        InferenceWorker w = services.worker;
        if (e instanceof Message.Click c) {
            return o.click(w, c.voxel().voxel(), c.include());
        }
        if (e instanceof Message.Brush b) {
            return o.stroke(Stroke.of(b, geometry));  // out of the limits: INVALID before anything changes
        }
        if (e instanceof Message.Undo) {
            return o.undo(w);
        }
        return e instanceof Message.Redo ? o.redo(w) : o.reset(w);
    }

    /**
     * What the label map is made of: AI when only clicks are in effect, MANUAL when only strokes, MIXED
     * when both (undone or reset edits do not count; an empty map stays AI).
     */
    private MaskRevision.Source source() {
        boolean clicks = objects.stream().anyMatch(o -> o.prompts() > 0);
        boolean strokes = objects.stream().anyMatch(EditedObject::hasStrokes);
        if (strokes) {
            return clicks ? MaskRevision.Source.MIXED : MaskRevision.Source.MANUAL;
        }
        return MaskRevision.Source.AI;
    }
}
