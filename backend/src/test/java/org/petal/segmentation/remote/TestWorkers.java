package org.petal.segmentation.remote;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.petal.ml.worker.WorkerClient;
import org.petal.ml.worker.WorkerProtocol;
import org.petal.ml.worker.WorkerSettings;

/**
 * Worker processes for a test, each a real {@link WorkerClient} on its own thread, connected to the test
 * application over a real socket. Names get a unique suffix because test classes share one application.
 * {@link #close()} stops them all and waits until the registry has let them go.
 */
public final class TestWorkers implements AutoCloseable {

    /** A started worker: its client, its gated engine, and the name it registered with. */
    public record Started(WorkerClient client, GatedEngine engine, String name, Thread thread) {}

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int port;
    private final WorkerRegistry registry;
    private final List<Started> started = new ArrayList<>();

    public TestWorkers(int port, WorkerRegistry registry) {
        this.port = port;
        this.registry = registry;
    }

    /** Starts a worker running suv-grow and waits until the backend has registered it. */
    public Started start(String name) {
        Started s = startWithToken(name, RemoteWorkersApp.TOKEN);
        awaitRegistered(s);
        return s;
    }

    /** Starts a worker without waiting for anything. */
    public Started startWithToken(String name, String token) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        WorkerSettings settings = WorkerSettings.of(URI.create("ws://localhost:" + port + WorkerProtocol.PATH), token, unique)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(300));
        GatedEngine engine = new GatedEngine();
        WorkerClient client = new WorkerClient(settings, Map.of(engine.name(), engine));
        Thread t = new Thread(client, "test-worker-" + unique);
        t.setDaemon(true);
        t.start();
        Started s = new Started(client, engine, unique, t);
        started.add(s);
        return s;
    }

    /** The worker id the registry gave it, once it is registered. */
    public String awaitRegistered(Started s) {
        await(() -> idOf(s) != null, s.name() + " registered");
        return idOf(s);
    }

    public void awaitGone(Started s) {
        await(() -> idOf(s) == null, s.name() + " gone from the registry");
    }

    public String idOf(Started s) {
        return registry.list().stream().filter(w -> w.name().equals(s.name())).map(WorkerConnection.WorkerView::id)
            .findFirst().orElse(null);
    }

    public WorkerConnection.WorkerView viewOf(Started s) {
        return registry.list().stream().filter(w -> w.name().equals(s.name())).findFirst()
            .orElseThrow(() -> new AssertionError(s.name() + " is not registered"));
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Started s : started) {
            s.engine().release();
            s.client().close();
        }
        for (Started s : started) {
            s.thread().join(WAIT.toMillis());
            awaitGone(s);
        }
    }
}
