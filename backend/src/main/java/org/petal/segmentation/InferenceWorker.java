package org.petal.segmentation;

import java.util.Set;
import java.util.function.Supplier;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;

/**
 * Where engines run: the boundary between a sitting (users, rights, logging) and inference. The default is
 * {@link InProcessWorker}; a remote GPU worker reached over the network implements the same interface
 * later. A worker knows nothing of users: callers check rights before they call.
 *
 * <p>Objects are independent; calls on one object must not overlap (the caller serialises them, then the
 * worker takes any engine lock: session lock first, engine lock second).
 */
public interface InferenceWorker {

    /**
     * A case volume, identified so that a worker can cache it. {@code version} changes whenever the voxels
     * a worker sees would (e.g. a lead's SUV correction), so a cached copy is never stale.
     *
     * @param voxels loads the volume in SUV; called only when the worker has no cached copy
     */
    record CaseVolume(long caseId, long version, Supplier<PetVolume> voxels) {}

    /** One open object: what the worker gave back from {@link #open}. */
    record Handle(long id, String engine, LabelKind kind) {}

    /**
     * What an interaction did, with the changed box's voxels so the caller can forward them without asking.
     *
     * @param result         outcome, changed box, engine latencies (model ms, total ms)
     * @param changedVoxels  the object's mask over {@code result.changed()}, 0/1, box order; empty when
     *                       nothing changed
     */
    record WorkerResult(InteractionResult result, byte[] changedVoxels) {}

    /** The engine failed (a model that cannot load, an inference error); the object is unchanged. */
    final class EngineFailure extends RuntimeException {
        public EngineFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Engine names this worker runs. */
    Set<String> engines();

    /**
     * A hint that objects on this case will follow soon (a user opened it): a worker may read it now, so the
     * first click does not wait for the read. Does nothing by default; must not throw for a readable case.
     */
    default void prepare(CaseVolume volume) {}

    /**
     * Opens a new, empty object on the volume.
     *
     * @throws IllegalArgumentException for an engine this worker does not run
     * @throws EngineFailure            when the engine cannot start
     */
    Handle open(CaseVolume volume, String engine, LabelKind kind);

    /** An include or exclude click at a voxel of the case grid; outside the volume it is REFUSED, never thrown. */
    WorkerResult click(Handle object, Voxel voxel, boolean include);

    WorkerResult undo(Handle object);

    WorkerResult redo(Handle object);

    WorkerResult reset(Handle object);

    /** Frees the object (idempotent). */
    void release(Handle object);
}
