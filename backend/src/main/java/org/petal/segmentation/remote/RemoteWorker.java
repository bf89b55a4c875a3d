package org.petal.segmentation.remote;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Engines;
import org.petal.ml.segment.Voxel;
import org.petal.ml.worker.WorkerMessage;
import org.petal.ml.worker.WorkerMessage.Failed;
import org.petal.ml.worker.WorkerMessage.Opened;
import org.petal.ml.worker.WorkerMessage.Reply;
import org.petal.ml.worker.WorkerMessage.Request;
import org.petal.ml.worker.WorkerMessage.Result;
import org.petal.ml.worker.WorkerProtocol.ErrorCode;
import org.petal.segmentation.InferenceWorker;
import org.springframework.stereotype.Component;

/**
 * Engines in worker processes connected over {@code /ws/worker}. {@code open} goes to the least-loaded
 * worker that runs the engine; every later call of that handle goes to the same worker, which holds the
 * session (clicks, undo log, image embedding). A worker that goes away, or does not answer within
 * {@code petal.workers.request-timeout}, breaks its handles: the call fails with an {@link EngineFailure}
 * the user can act on (open the object again), and the handle stays broken, because the worker may have
 * applied an edit whose result never arrived and the caller's mirror of the mask would silently diverge.
 * What the user accepted before lives in the database and is untouched.
 */
@Component
public class RemoteWorker implements InferenceWorker {

    static final String GONE = "the inference worker went away; open the object again to retry";

    /** Where a handle lives; {@code broken} once a call on it failed in transport. */
    private static final class Route {
        final WorkerConnection worker;
        volatile boolean broken;

        Route(WorkerConnection worker) {
            this.worker = worker;
        }
    }

    private final WorkerRegistry registry;
    private final WorkerProperties properties;
    private final Map<Long, Route> routes = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    RemoteWorker(WorkerRegistry registry, WorkerProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** Every engine Petal knows: one no worker runs right now fails on {@code open} with a retryable error. */
    @Override
    public Set<String> engines() {
        Set<String> all = new TreeSet<>(Engines.names());
        all.addAll(registry.engines());
        return all;
    }

    @Override
    public Handle open(CaseVolume volume, String engine, LabelKind kind) {
        WorkerConnection w = registry.choose(engine).orElseThrow(() -> new EngineFailure(
            "no inference worker that runs " + engine + " is connected; try again in a minute or ask an administrator", null));
        long handle = handles.incrementAndGet();
        Route route = new Route(w);
        LongFunction<Request> open = id -> new WorkerMessage.Open(id, handle, volume.caseId(), volume.version(), engine, kind);
        w.ensureVolume(volume);
        Reply reply = call(route, handle, open);
        if (reply instanceof Failed f && f.code() == ErrorCode.VOLUME_MISSING) {
            w.forgetVolume(volume);  // evicted from the worker's cache since we sent it
            w.ensureVolume(volume);
            reply = call(route, handle, open);
        }
        if (!(reply instanceof Opened)) {
            throw failure(route, engine, reply);
        }
        routes.put(handle, route);
        w.objectOpened();
        return new Handle(handle, engine, kind);
    }

    @Override
    public WorkerResult click(Handle object, Voxel voxel, boolean include) {
        return edit(object, id -> new WorkerMessage.Click(id, object.id(), voxel, include));
    }

    @Override
    public WorkerResult undo(Handle object) {
        return edit(object, id -> new WorkerMessage.Undo(id, object.id()));
    }

    @Override
    public WorkerResult redo(Handle object) {
        return edit(object, id -> new WorkerMessage.Redo(id, object.id()));
    }

    @Override
    public WorkerResult reset(Handle object) {
        return edit(object, id -> new WorkerMessage.Reset(id, object.id()));
    }

    @Override
    public void release(Handle object) {
        Route route = routes.remove(object.id());
        if (route != null) {
            route.worker.objectReleased();
            route.worker.sendOneWay(new WorkerMessage.Release(object.id()));  // dropped when the worker is gone
        }
    }

    /** The worker holding a handle (tests and diagnostics); null when it is not open here. */
    String workerOf(Handle object) {
        Route route = routes.get(object.id());
        return route == null ? null : route.worker.id();
    }

    private WorkerResult edit(Handle object, LongFunction<Request> request) {
        Route route = routes.get(object.id());
        if (route == null) {
            throw new IllegalStateException("object " + object.id() + " is not open in this worker");
        }
        if (route.broken || !route.worker.isOpen()) {
            route.broken = true;
            throw new EngineFailure(GONE, null);
        }
        Reply reply = call(route, object.id(), request);
        if (reply instanceof Result r) {
            return new WorkerResult(r.result(), r.voxels());
        }
        throw failure(route, object.engine(), reply);
    }

    /** One request and its reply; transport failures break the route and become {@link EngineFailure}. */
    private Reply call(Route route, long handle, LongFunction<Request> request) {
        Request r = request.apply(requests.incrementAndGet());
        CompletableFuture<Reply> reply = route.worker.send(r);
        long timeoutMs = properties.requestTimeout().toMillis();
        try {
            return reply.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            route.broken = true;
            route.worker.sendOneWay(new WorkerMessage.Release(handle));  // whatever it finishes is of no use now
            throw new EngineFailure("the inference worker did not answer within " + seconds(timeoutMs)
                + "; open the object again to retry", e);
        } catch (ExecutionException e) {
            route.broken = true;
            throw new EngineFailure(GONE, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            route.broken = true;
            throw new EngineFailure("interrupted while waiting for the inference worker; open the object again to retry", e);
        }
    }

    private static RuntimeException failure(Route route, String engine, Reply reply) {
        if (!(reply instanceof Failed f)) {
            route.broken = true;
            return new EngineFailure("the inference worker answered out of protocol; open the object again to retry", null);
        }
        switch (f.code()) {
            case ENGINE_FAILED:
                return new EngineFailure("engine " + engine + " failed: " + f.message(), null);
            case INVALID:
                return new IllegalArgumentException(f.message());
            default:  // NOT_OPEN, VOLUME_MISSING twice, BAD_MESSAGE: the worker lost track of this object
                route.broken = true;
                return new EngineFailure("the inference worker lost the object (" + f.message() + "); open the object again to retry", null);
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
