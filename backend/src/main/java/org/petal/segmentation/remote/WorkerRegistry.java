package org.petal.segmentation.remote;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.petal.ml.worker.WorkerProtocol;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The workers that said hello and are still connected, by worker id. Chooses where a new object goes:
 * the worker running the engine with the fewest pending requests per slot of capacity, then the fewest
 * open objects (each holds an image embedding in that worker's memory), then the oldest connection.
 */
@Component
public class WorkerRegistry {

    private static final Comparator<WorkerConnection> LEAST_LOADED = Comparator.comparingDouble(WorkerConnection::load)
        .thenComparingInt(WorkerConnection::objects)
        .thenComparing(WorkerConnection::connectedAt);

    private final Map<String, WorkerConnection> workers = new ConcurrentHashMap<>();

    void add(WorkerConnection c) {
        workers.put(c.id(), c);
    }

    void remove(WorkerConnection c) {
        workers.remove(c.id(), c);
    }

    Optional<WorkerConnection> choose(String engine) {
        return workers.values().stream().filter(c -> c.isOpen() && c.runs(engine)).min(LEAST_LOADED);
    }

    /** Whether a connected worker runs the engine (what {@code auto} mode asks before going remote). */
    public boolean runs(String engine) {
        return workers.values().stream().anyMatch(c -> c.isOpen() && c.runs(engine));
    }

    /** Engines some connected worker runs. */
    public Set<String> engines() {
        Set<String> all = new TreeSet<>();
        workers.values().stream().filter(WorkerConnection::isOpen).forEach(c -> all.addAll(c.hello().engines()));
        return all;
    }

    /** Connected workers with their queue depth, oldest connection first. */
    public List<WorkerConnection.WorkerView> list() {
        return workers.values().stream().filter(WorkerConnection::isOpen).map(WorkerConnection::view)
            .sorted(Comparator.comparing(WorkerConnection.WorkerView::connectedAt).thenComparing(WorkerConnection.WorkerView::id))
            .toList();
    }

    /**
     * Closes a worker's connection (its pending requests fail with a retryable error; the worker
     * reconnects). False when no such worker is connected.
     */
    public boolean drop(String workerId, String reason) {
        WorkerConnection c = workers.get(workerId);
        if (c == null) {
            return false;
        }
        c.close(new CloseStatus(WorkerProtocol.CLOSE_DROPPED, reason));
        return true;
    }
}
