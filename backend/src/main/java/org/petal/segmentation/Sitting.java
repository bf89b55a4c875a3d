package org.petal.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.petal.annotation.EventType;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService.RevisionView;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseView;
import org.petal.ml.segment.CaseLabelMap;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.ObjectMask;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.projects.ProjectService.LabelSpec;
import org.petal.segmentation.InferenceWorker.Handle;
import org.petal.segmentation.InferenceWorker.WorkerResult;
import org.petal.system.Problems;
import org.petal.users.Actor;

/**
 * One socket's sitting on one assignment: the objects opened in it (each with a mirror of its mask, kept
 * from the same deltas the browser receives, so accepting works alike for local and remote workers) and
 * the interaction-log session. Edits go to the object opened last.
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

    /** An open object: the worker's handle, its label and the mirror of its mask. */
    private record OpenObject(int id, int label, Handle handle, ObjectMask mirror) {}

    private final Sittings services;
    private final Actor actor;
    private final List<OpenObject> objects = new ArrayList<>();
    private Long assignmentId;
    private Long sessionId;
    private VolumeGeometry geometry;

    Sitting(Sittings services, Actor actor) {
        this.services = services;
        this.actor = actor;
    }

    Actor actor() {
        return actor;
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
            sessionId = services.log.open(actor, a.id());  // owner only; makes the assignment IN_PROGRESS
            assignmentId = a.id();
            geometry = services.cases.store(actor, c.id()).geometry();
        } else {
            services.assignments.requireEditable(actor, a.id());
        }
        var volume = new InferenceWorker.CaseVolume(c.id(), c.version(), () -> services.cases.volume(actor, c.id()));
        Handle handle = services.worker.open(volume, engine, label.kind());
        OpenObject o = new OpenObject(objects.size() + 1, label.value(), handle, new ObjectMask(geometry));
        objects.add(o);
        int[] d = c.dims();
        return new Message.Ready(sessionId, o.id(), o.label(), engine, new Message.Index3(d[0], d[1], d[2]),
            services.properties.heartbeatInterval().toMillis());
    }

    /**
     * Applies an edit to the object opened last. The mask delta (when the mask changed) goes to
     * {@code deltas} before the result is returned, so the client always has the voxels a result names.
     */
    Message.Result edit(Message.Edit e, long receivedNanos, java.util.function.Consumer<byte[]> deltas) {
        OpenObject o = current();
        services.assignments.requireEditable(actor, assignmentId);  // e.g. submitted from another tab meanwhile
        WorkerResult w = apply(o.handle(), e);
        InteractionResult r = w.result();
        boolean changed = !r.changed().isEmpty();
        if (changed) {
            o.mirror().write(r.changed(), w.changedVoxels());
            deltas.accept(new MaskDelta(o.label(), o.id(), r.changed(), w.changedVoxels()).encode());
        }
        services.log.record(actor, assignmentId, sessionId, eventType(e), o.label(), o.handle().engine(), r.totalMs(),
            detail(e, r));
        return new Message.Result(action(e), o.id(), o.label(), r.outcome(), r.message(), Message.Region.of(r.changed()),
            changed, r.prompts(), r.maskVoxels(), r.windows(), r.modelMs(), r.totalMs(),
            (System.nanoTime() - receivedNanos) / 1e6);
    }

    /**
     * Stores the case label map of all objects as a new revision. Objects are written in the order they
     * were opened through {@link CaseLabelMap}: where two overlap, the later one wins.
     */
    Message.Accepted accept() {
        if (sessionId == null) {
            throw new NotOpen("open an object before accepting");
        }
        CaseLabelMap map = new CaseLabelMap(geometry, CaseLabelMap.Policy.OVERWRITE_UNLOCKED);
        for (OpenObject o : objects) {
            map.write(map.newObject(o.label()), o.mirror(), o.mirror().bounds());
        }
        short[] values = map.labels().labels();
        byte[] labels = new byte[values.length];
        for (int n = 0; n < values.length; n++) {
            labels[n] = (byte) values[n];  // project labels are 1..255
        }
        RevisionView r = services.revisions.accept(actor, assignmentId, sessionId, labels, MaskRevision.Source.AI);
        return new Message.Accepted(r.id(), r.labelledVoxels());
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

    private OpenObject current() {
        if (objects.isEmpty()) {
            throw new NotOpen("no object is open: send open first");
        }
        return objects.get(objects.size() - 1);
    }

    private WorkerResult apply(Handle h, Message.Edit e) {
        InferenceWorker w = services.worker;
        if (e instanceof Message.Click c) {
            return w.click(h, c.voxel().voxel(), c.include());
        }
        if (e instanceof Message.Undo) {
            return w.undo(h);
        }
        return e instanceof Message.Redo ? w.redo(h) : w.reset(h);
    }

    private static EventType eventType(Message.Edit e) {
        if (e instanceof Message.Click c) {
            return c.include() ? EventType.CLICK_INCLUDE : EventType.CLICK_EXCLUDE;
        }
        if (e instanceof Message.Undo) {
            return EventType.UNDO;
        }
        return e instanceof Message.Redo ? EventType.REDO : EventType.RESET;
    }

    private static String action(Message.Edit e) {
        if (e instanceof Message.Click) {
            return Protocol.CLICK;
        }
        if (e instanceof Message.Undo) {
            return Protocol.UNDO;
        }
        return e instanceof Message.Redo ? Protocol.REDO : Protocol.RESET;
    }

    private static String detail(Message.Edit e, InteractionResult r) {
        String what = e instanceof Message.Click c ? "click " + c.voxel().voxel() + (c.include() ? " include" : " exclude")
            : action(e);
        String text = what + ": " + r.outcome() + (r.changed().isEmpty() ? "" : ", changed " + r.changed())
            + ", " + r.maskVoxels() + " voxels, model " + Math.round(r.modelMs()) + " ms"
            + (r.message().isEmpty() ? "" : ", " + r.message());
        return text.length() <= 1000 ? text : text.substring(0, 1000);  // the event's detail column holds 1000
    }
}
