package org.petal.ml.worker;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.petal.ml.segment.Engines;
import org.petal.ml.segment.PatchModel;

/**
 * An inference worker process's side of {@code /ws/worker} ({@code docs/workers.md}): connects with the
 * shared token, says hello, serves requests with the same engines and {@link org.petal.ml.segment.PromptSession}s
 * the backend runs in-process, heartbeats, and reconnects with exponential backoff (with jitter, so workers
 * that lost the backend together do not return in lock-step) whenever the connection drops. Only a refused
 * token (401/403) ends {@link #run()} by itself: retrying a wrong token would never succeed.
 *
 * <p>Run it on its own thread; {@link #stop()} ends it.
 */
public final class WorkerClient implements Runnable, AutoCloseable {

    /** Where the client is; {@code REGISTERED} means the backend may route objects here. */
    public enum State { CONNECTING, REGISTERED, WAITING, REFUSED, STOPPED }

    private static final System.Logger LOG = System.getLogger(WorkerClient.class.getName());

    private final WorkerSettings settings;
    private final Map<String, PatchModel> engines;
    private final HttpClient http;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile WorkerLink link;
    private volatile State state = State.CONNECTING;
    private volatile boolean stopping;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    /** @param engines the engines to run, by name; each instance must be thread-safe, as engines are */
    public WorkerClient(WorkerSettings settings, Map<String, PatchModel> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one engine");
        }
        this.settings = settings;
        this.engines = Map.copyOf(engines);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.pool = Executors.newFixedThreadPool(settings.capacity(), daemons("petal-worker-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("petal-worker-heartbeat-"));
    }

    /** Loads the named engines now, so a model that cannot load stops the worker before it registers. */
    public static WorkerClient withEngines(WorkerSettings settings, List<String> names) {
        Map<String, PatchModel> engines = new LinkedHashMap<>();
        names.forEach(n -> engines.put(n, Engines.create(n)));
        return new WorkerClient(settings, engines);
    }

    @Override
    public void run() {
        Duration backoff = settings.minBackoff();
        while (!stopping) {
            state = State.CONNECTING;
            try {
                WorkerLink l = connect();
                l.closed().join();
                if (l.welcome() != null) {
                    backoff = settings.minBackoff();  // it worked until it did not: start the backoff again
                }
            } catch (Refused e) {
                LOG.log(Level.ERROR, "the backend refused this worker ({0}); check the token", e.getMessage());
                state = State.REFUSED;
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot reach the backend at {0}: {1}", settings.backend(), e.getMessage());
            } finally {
                link = null;
            }
            if (!stopping) {
                state = State.WAITING;
                sleep(jittered(backoff));
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        state = State.STOPPED;
    }

    public State state() {
        WorkerLink l = link;
        return state == State.CONNECTING && l != null && l.welcome() != null ? State.REGISTERED : state;
    }

    /** Requests answered, over all connections. */
    public long served() {
        return served.get();
    }

    /** Connections made so far (1 after the first, 2 after a reconnect). */
    public long connections() {
        return connections.get();
    }

    /** Objects open on the current connection. */
    public int openSessions() {
        WorkerLink l = link;
        return l == null ? 0 : l.openSessions();
    }

    /** Drops the current connection abruptly, as a network failure would; the client reconnects. */
    public void dropConnection() {
        WorkerLink l = link;
        if (l != null) {
            l.abort();
        }
    }

    /** Ends {@link #run()}: closes the connection (the backend fails what was pending) and stops reconnecting. */
    public void stop() {
        stopping = true;
        stopSignal.countDown();
        WorkerLink l = link;
        if (l != null) {
            l.close(WebSocket.NORMAL_CLOSURE, "worker stopping");
        }
    }

    @Override
    public void close() {
        stop();
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private WorkerLink connect() {
        WorkerLink l = new WorkerLink(new WorkerSessions(engines, settings.cachedVolumes()), settings, pool, timer,
            served::incrementAndGet);
        try {
            WebSocket ws = http.newWebSocketBuilder()
                .header(WorkerProtocol.AUTHORIZATION, WorkerProtocol.BEARER + settings.token())
                .connectTimeout(settings.connectTimeout())
                .buildAsync(settings.backend(), l)
                .get(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            l.attach(ws);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                if (status == 401 || status == 403) {
                    throw new Refused("HTTP " + status);
                }
                throw new IllegalStateException("handshake answered HTTP " + status
                    + (status == 404 ? " (are remote workers enabled there? petal.workers.mode)" : ""));
            }
            Throwable c = e.getCause();
            throw new IllegalStateException(c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            throw new IllegalStateException("interrupted");
        } catch (TimeoutException e) {
            throw new IllegalStateException("no handshake within " + settings.connectTimeout().multipliedBy(2));
        }
        link = l;
        connections.incrementAndGet();
        l.send(new WorkerMessage.Hello(WorkerProtocol.VERSION, settings.name(), List.copyOf(engines.keySet()), settings.capacity()));
        if (stopping) {
            l.close(WebSocket.NORMAL_CLOSURE, "worker stopping");  // stop() raced with the handshake
        }
        return l;
    }

    private static Duration jittered(Duration d) {
        long ms = d.toMillis();
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private void sleep(Duration d) {
        try {
            stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);  // stop() wakes it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
