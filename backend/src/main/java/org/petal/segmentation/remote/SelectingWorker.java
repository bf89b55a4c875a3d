package org.petal.segmentation.remote;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Voxel;
import org.petal.segmentation.InferenceWorker;

/**
 * The worker sittings talk to when remote workers are on ({@code petal.workers.mode=remote|auto}): each
 * {@code open} picks the in-process or the remote worker, and every later call of that object goes where
 * it was opened. Handles are its own, so the two workers' ids can never be confused.
 */
final class SelectingWorker implements InferenceWorker {

    private record Routed(InferenceWorker worker, Handle inner) {}

    private final InferenceWorker local;
    private final RemoteWorker remote;
    private final WorkerRegistry registry;
    private final WorkerProperties.Mode mode;
    private final Map<Long, Routed> objects = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    SelectingWorker(InferenceWorker local, RemoteWorker remote, WorkerRegistry registry, WorkerProperties.Mode mode) {
        this.local = local;
        this.remote = remote;
        this.registry = registry;
        this.mode = mode;
    }

    @Override
    public Set<String> engines() {
        if (mode == WorkerProperties.Mode.REMOTE) {
            return remote.engines();
        }
        Set<String> all = new TreeSet<>(local.engines());
        all.addAll(remote.engines());
        return all;
    }

    /** Remote in {@code remote} mode; in {@code auto} mode remote only while a connected worker runs the engine. */
    @Override
    public Handle open(CaseVolume volume, String engine, LabelKind kind) {
        InferenceWorker w = mode == WorkerProperties.Mode.REMOTE || registry.runs(engine) ? remote : local;
        Handle inner = w.open(volume, engine, kind);
        long id = ids.incrementAndGet();
        objects.put(id, new Routed(w, inner));
        return new Handle(id, engine, kind);
    }

    @Override
    public WorkerResult click(Handle object, Voxel voxel, boolean include) {
        Routed r = routed(object);
        return r.worker().click(r.inner(), voxel, include);
    }

    @Override
    public WorkerResult undo(Handle object) {
        Routed r = routed(object);
        return r.worker().undo(r.inner());
    }

    @Override
    public WorkerResult redo(Handle object) {
        Routed r = routed(object);
        return r.worker().redo(r.inner());
    }

    @Override
    public WorkerResult reset(Handle object) {
        Routed r = routed(object);
        return r.worker().reset(r.inner());
    }

    @Override
    public void release(Handle object) {
        Routed r = objects.remove(object.id());
        if (r != null) {
            r.worker().release(r.inner());
        }
    }

    /** Whether the object runs in a remote worker (tests). */
    boolean isRemote(Handle object) {
        return routed(object).worker() == remote;
    }

    private Routed routed(Handle object) {
        Routed r = objects.get(object.id());
        if (r == null) {
            throw new IllegalStateException("object " + object.id() + " is not open in this worker");
        }
        return r;
    }
}
