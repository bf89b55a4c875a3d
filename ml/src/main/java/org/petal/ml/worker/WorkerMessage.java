package org.petal.ml.worker;

import java.util.List;
import java.util.Objects;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;

/**
 * The messages of the worker protocol ({@code docs/workers.md}), one record each. {@link Volume} and
 * {@link Result} travel as binary frames, everything else as JSON text frames (see {@link WorkerCodec}).
 * Handles are chosen by the backend, request ids too; a reply carries its request's id.
 */
public sealed interface WorkerMessage {

    /** Backend to worker. */
    sealed interface ToWorker extends WorkerMessage {}

    /** Worker to backend. */
    sealed interface FromWorker extends WorkerMessage {}

    /** A request the worker answers with exactly one {@link Reply} of the same {@code id}. */
    sealed interface Request extends ToWorker {
        long id();

        /** The object the request is about. */
        long handle();
    }

    /** The answer to a {@link Request}. */
    sealed interface Reply extends FromWorker {
        long id();
    }

    /**
     * The worker's first message.
     *
     * @param name     for people: shown in {@code GET /api/workers} (e.g. the host name)
     * @param engines  engine names the worker runs, e.g. {@code suv-grow}
     * @param capacity requests the worker runs at once; more wait in its queue
     */
    record Hello(int protocol, String name, List<String> engines, int capacity) implements FromWorker {
        public Hello {
            engines = List.copyOf(engines);
        }
    }

    /** Liveness, both directions. */
    record Heartbeat() implements ToWorker, FromWorker {}

    /** The backend accepted the hello; the worker now gets requests. */
    record Welcome(int protocol, String workerId, long heartbeatMs) implements ToWorker {}

    /** A case volume in SUV (binary frame: geometry in the header, float32 voxels in the body). */
    record Volume(long caseId, long version, PetVolume volume) implements ToWorker {
        public Volume {
            Objects.requireNonNull(volume);
        }
    }

    /** Opens an empty object on a volume sent before (else the reply is VOLUME_MISSING). */
    record Open(long id, long handle, long caseId, long version, String engine, LabelKind kind) implements Request {}

    record Click(long id, long handle, Voxel voxel, boolean include) implements Request {}

    record Undo(long id, long handle) implements Request {}

    record Redo(long id, long handle) implements Request {}

    record Reset(long id, long handle) implements Request {}

    /** Frees an object; not answered (idempotent). */
    record Release(long handle) implements ToWorker {}

    /** {@link Open} succeeded. */
    record Opened(long id, long handle) implements Reply {}

    /**
     * An edit's outcome (binary frame: the result in the header, the voxels in the body).
     *
     * @param voxels the object's mask over {@code result.changed()}, 0/1 in box order; empty when nothing changed
     */
    record Result(long id, long handle, InteractionResult result, byte[] voxels) implements Reply {
        public Result {
            if (voxels.length != result.changed().voxelCount()) {
                throw new IllegalArgumentException("a result needs one byte per voxel of its changed box");
            }
        }
    }

    /** A request that did not succeed; {@code message} is a sentence for the user or the log. */
    record Failed(long id, WorkerProtocol.ErrorCode code, String message) implements Reply {}
}
