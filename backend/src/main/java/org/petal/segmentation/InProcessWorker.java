package org.petal.segmentation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Engines;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.PatchModel;
import org.petal.ml.segment.PromptSession;
import org.petal.ml.segment.Voxel;
import org.petal.ml.volume.PetVolume;
import org.springframework.stereotype.Component;

/**
 * Runs engines in this JVM: one {@link PromptSession} per object, one engine instance per engine name
 * (engines are thread-safe and a loaded network is expensive), and the few most recently used case
 * volumes cached in memory so a second object on a case does not read it again.
 */
@Component
class InProcessWorker implements InferenceWorker {

    private record VolumeKey(long caseId, long version) {}

    private final Map<Long, PromptSession> objects = new ConcurrentHashMap<>();
    private final Map<String, PatchModel> models = new ConcurrentHashMap<>();
    private final Map<VolumeKey, PetVolume> volumes;
    private final AtomicLong ids = new AtomicLong();

    InProcessWorker(SegmentationProperties properties) {
        int capacity = properties.cachedVolumes();
        this.volumes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VolumeKey, PetVolume> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Set<String> engines() {
        return Engines.names();
    }

    @Override
    public Handle open(CaseVolume volume, String engine, LabelKind kind) {
        if (!Engines.names().contains(engine)) {
            throw new IllegalArgumentException("unknown engine '" + engine + "'; available: " + Engines.names());
        }
        PatchModel model = model(engine);
        PetVolume voxels = volume(volume);  // outside engineCall: a case that cannot be read is not an engine failure
        PromptSession session = engineCall(engine, () -> new PromptSession(model, voxels, kind));
        long id = ids.incrementAndGet();
        objects.put(id, session);
        return new Handle(id, engine, kind);
    }

    @Override
    public WorkerResult click(Handle object, Voxel voxel, boolean include) {
        return run(object, s -> s.addPoint(voxel, include));
    }

    @Override
    public WorkerResult undo(Handle object) {
        return run(object, PromptSession::undo);
    }

    @Override
    public WorkerResult redo(Handle object) {
        return run(object, PromptSession::redo);
    }

    @Override
    public WorkerResult reset(Handle object) {
        return run(object, PromptSession::reset);
    }

    @Override
    public void release(Handle object) {
        objects.remove(object.id());
    }

    int openObjects() {
        return objects.size();
    }

    private WorkerResult run(Handle object, Function<PromptSession, InteractionResult> action) {
        PromptSession session = objects.get(object.id());
        if (session == null) {
            throw new IllegalStateException("object " + object.id() + " is not open in this worker");
        }
        // PromptSession is not thread-safe; callers serialise per object, this lock makes it certain.
        synchronized (session) {
            InteractionResult r = engineCall(object.engine(), () -> action.apply(session));
            byte[] voxels = r.changed().isEmpty() ? new byte[0] : session.mask().read(r.changed());
            return new WorkerResult(r, voxels);
        }
    }

    private PatchModel model(String engine) {
        PatchModel known = models.get(engine);
        if (known != null) {
            return known;
        }
        // Loaded outside the map's lock: a network load takes seconds and must not block other engines.
        PatchModel loaded = engineCall(engine, () -> Engines.create(engine));
        PatchModel raced = models.putIfAbsent(engine, loaded);
        return raced == null ? loaded : raced;
    }

    /** Reads the case into the volume cache, so the first object opens without the read. */
    @Override
    public void prepare(CaseVolume volume) {
        volume(volume);
    }

    private PetVolume volume(CaseVolume v) {
        VolumeKey key = new VolumeKey(v.caseId(), v.version());
        synchronized (volumes) {
            PetVolume cached = volumes.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Read outside the lock (hundreds of MB for a whole body); two first opens may both read, harmlessly.
        PetVolume loaded = v.voxels().get();
        synchronized (volumes) {
            PetVolume raced = volumes.putIfAbsent(key, loaded);
            return raced == null ? loaded : raced;
        }
    }

    private static <T> T engineCall(String engine, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new EngineFailure("engine " + engine + " failed: " + e.getMessage(), e);
        }
    }
}
