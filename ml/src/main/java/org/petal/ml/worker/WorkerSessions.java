package org.petal.ml.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PromptSession;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.worker.WorkerMessage.Click;
import org.petal.ml.worker.WorkerMessage.Failed;
import org.petal.ml.worker.WorkerMessage.Open;
import org.petal.ml.worker.WorkerMessage.Opened;
import org.petal.ml.worker.WorkerMessage.Redo;
import org.petal.ml.worker.WorkerMessage.Reply;
import org.petal.ml.worker.WorkerMessage.Request;
import org.petal.ml.worker.WorkerMessage.Result;
import org.petal.ml.worker.WorkerMessage.Undo;
import org.petal.ml.worker.WorkerProtocol.ErrorCode;

/**
 * What one worker connection holds: a {@link PromptSession} per handle (the image embedding and undo log
 * live here, which is why the backend routes every call of a handle back to this worker) and the few most
 * recently sent case volumes. Engines are shared across connections: a loaded network is expensive.
 * A new connection gets new sessions, because the backend forgets the old connection's handles.
 *
 * <p>Thread-safe; requests of one handle are serialised by the backend, the session lock makes it certain.
 */
final class WorkerSessions {

    private record VolumeKey(long caseId, long version) {}

    private final Map<String, PatchModel> engines;
    private final Map<Long, PromptSession> sessions = new ConcurrentHashMap<>();
    private final Map<VolumeKey, PetVolume> volumes;

    WorkerSessions(Map<String, PatchModel> engines, int cachedVolumes) {
        this.engines = engines;
        this.volumes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VolumeKey, PetVolume> eldest) {
                return size() > cachedVolumes;  // sessions keep their own volume alive; this is only for new opens
            }
        };
    }

    void load(WorkerMessage.Volume v) {
        synchronized (volumes) {
            volumes.put(new VolumeKey(v.caseId(), v.version()), v.volume());
        }
    }

    void release(long handle) {
        sessions.remove(handle);
    }

    int openSessions() {
        return sessions.size();
    }

    /** The reply to a request; never throws (an engine's exception becomes ENGINE_FAILED). */
    Reply serve(Request r) {
        try {
            if (r instanceof Open o) {
                return open(o);
            }
            if (r instanceof Click c) {
                return edit(r, s -> s.addPoint(c.voxel(), c.include()));
            }
            if (r instanceof Undo) {
                return edit(r, PromptSession::undo);
            }
            return edit(r, r instanceof Redo ? PromptSession::redo : PromptSession::reset);
        } catch (RuntimeException e) {
            return new Failed(r.id(), ErrorCode.ENGINE_FAILED, String.valueOf(e.getMessage()));
        }
    }

    private Reply open(Open o) {
        PatchModel model = engines.get(o.engine());
        if (model == null) {
            return new Failed(o.id(), ErrorCode.INVALID, "this worker does not run engine '" + o.engine() + "'; it runs "
                + engines.keySet());
        }
        PetVolume volume;
        synchronized (volumes) {
            volume = volumes.get(new VolumeKey(o.caseId(), o.version()));
        }
        if (volume == null) {
            return new Failed(o.id(), ErrorCode.VOLUME_MISSING, "case " + o.caseId() + " version " + o.version() + " is not loaded");
        }
        sessions.put(o.handle(), new PromptSession(model, volume, o.kind()));
        return new Opened(o.id(), o.handle());
    }

    private Reply edit(Request r, Function<PromptSession, InteractionResult> action) {
        PromptSession s = sessions.get(r.handle());
        if (s == null) {
            return new Failed(r.id(), ErrorCode.NOT_OPEN, "object " + r.handle() + " is not open on this worker");
        }
        synchronized (s) {
            InteractionResult x = action.apply(s);
            byte[] voxels = x.changed().isEmpty() ? new byte[0] : s.mask().read(x.changed());
            return new Result(r.id(), r.handle(), x, voxels);
        }
    }
}
