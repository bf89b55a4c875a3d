package org.petal.segmentation.remote;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where engines run and how busy the remote workers are, for other features' dashboards: the figures of
 * {@code GET /api/workers}, summed, with a sentence for people. Checks no rights: callers do.
 */
@Component
public class WorkerMonitor {

    /** One connected worker (as in {@code GET /api/workers}). */
    public record Worker(String id, String name, List<String> engines, int capacity, int inFlight, int queued,
                         int objects, Double latencyMedianMs, Double latencyP95Ms, int latencySamples,
                         Instant lastHeartbeat) {}

    /**
     * @param mode     {@code in-process}, {@code remote} or {@code auto} ({@code petal.workers.mode})
     * @param note     what this means for annotators now, in one sentence
     * @param inFlight requests the workers are running
     * @param queued   requests waiting in the workers' queues
     */
    public record Summary(String mode, String note, int connected, int capacity, int inFlight, int queued,
                          List<Worker> workers) {}

    private final WorkerRegistry registry;
    private final WorkerProperties properties;

    WorkerMonitor(WorkerRegistry registry, WorkerProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    public Summary summary() {
        List<Worker> workers = registry.list().stream().map(w -> new Worker(w.id(), w.name(), w.engines(), w.capacity(),
            w.inFlight(), w.queued(), w.objects(), w.latencyMedianMs(), w.latencyP95Ms(), w.latencySamples(),
            w.lastHeartbeat())).toList();
        String mode = properties.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Summary(mode, note(properties.mode(), workers.size()), workers.size(),
            workers.stream().mapToInt(Worker::capacity).sum(), workers.stream().mapToInt(Worker::inFlight).sum(),
            workers.stream().mapToInt(Worker::queued).sum(), workers);
    }

    private static String note(WorkerProperties.Mode mode, int connected) {
        return switch (mode) {
            case IN_PROCESS -> "in-process mode: the engines run inside the backend, so there are no remote workers "
                + "and no worker queue; click latencies are in the time report";
            case REMOTE -> connected == 0 ? "remote mode and no worker connected: AI-assisted work cannot start until "
                + "one connects" : connected + " remote worker" + (connected == 1 ? "" : "s") + " connected";
            case AUTO -> connected == 0 ? "auto mode and no worker connected: the engines run inside the backend"
                : connected + " remote worker" + (connected == 1 ? "" : "s") + " connected; engines no worker runs "
                + "run inside the backend";
        };
    }
}
