package org.petal.ml.worker;

import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.petal.ml.worker.WorkerMessage.Heartbeat;
import org.petal.ml.worker.WorkerMessage.Release;
import org.petal.ml.worker.WorkerMessage.Request;
import org.petal.ml.worker.WorkerMessage.Volume;
import org.petal.ml.worker.WorkerMessage.Welcome;

/**
 * One connection of a worker to the backend: assembles frames, loads volumes in arrival order (so a volume
 * is cached before the {@code open} sent after it is read), runs requests on the worker's pool, and sends
 * heartbeats once welcomed. A backend silent for three heartbeat intervals is taken for dead and the
 * connection aborted, so the client reconnects instead of waiting forever on a half-open TCP connection.
 */
final class WorkerLink implements WebSocket.Listener {

    private static final System.Logger LOG = System.getLogger(WorkerLink.class.getName());
    /** One outstanding send at a time is all java.net.http allows; this bounds a stuck one. */
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final WorkerSessions sessions;
    private final WorkerSettings settings;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Runnable onServed;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private volatile WebSocket socket;
    private volatile Welcome welcome;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile ScheduledFuture<?> heartbeats;

    WorkerLink(WorkerSessions sessions, WorkerSettings settings, ExecutorService pool, ScheduledExecutorService timer,
               Runnable onServed) {
        this.sessions = sessions;
        this.settings = settings;
        this.pool = pool;
        this.timer = timer;
        this.onServed = onServed;
    }

    /** Completes when the connection is gone, for whatever reason. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    Welcome welcome() {
        return welcome;
    }

    int openSessions() {
        return sessions.openSessions();
    }

    @Override
    public void onOpen(WebSocket ws) {
        socket = ws;
        ws.request(1);
    }

    /** The handshake's socket, in case the builder completed before {@link #onOpen} ran. */
    void attach(WebSocket ws) {
        socket = ws;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        lastFrameNanos = System.nanoTime();
        text.append(data);
        if (last) {
            String message = text.toString();
            text.setLength(0);
            handle(() -> dispatch(WorkerCodec.readText(message)));
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        lastFrameNanos = System.nanoTime();
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.write(part, 0, part.length);
        // Deflate never grows data by more than a small fraction: anything far beyond the largest volume is broken.
        if (binary.size() > settings.maxVoxels() * Float.BYTES * 101 / 100 + (1 << 20)) {
            binary.reset();
            handle(() -> {
                throw new WorkerCodec.BadFrame("a binary message larger than the largest volume this worker accepts");
            });
            return null;
        }
        if (last) {
            byte[] frame = binary.toByteArray();
            binary.reset();
            handle(() -> dispatch(WorkerCodec.readBinary(frame, settings.maxVoxels())));
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        LOG.log(Level.INFO, "backend closed the connection: {0} {1}", statusCode, reason);
        finish();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        LOG.log(Level.INFO, "connection to the backend failed: {0}", String.valueOf(error));
        finish();
    }

    void send(WorkerMessage m) {
        WebSocket ws = socket;
        if (ws == null || closed.isDone()) {
            return;  // the reply of a request from a connection that is gone: the backend has failed it already
        }
        try {
            synchronized (sendLock) {
                CompletableFuture<WebSocket> sent = WorkerCodec.isBinary(m)
                    ? ws.sendBinary(ByteBuffer.wrap(WorkerCodec.binary(m)), true) : ws.sendText(WorkerCodec.text(m), true);
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } catch (Exception e) {
            LOG.log(Level.INFO, "sending to the backend failed: {0}", String.valueOf(e));
            abort();
        }
    }

    /** Closes politely (the backend fails what this worker still had), then gives up after a second. */
    void close(int code, String reason) {
        WebSocket ws = socket;
        if (ws != null && !closed.isDone()) {
            ws.sendClose(code, reason).orTimeout(1, TimeUnit.SECONDS).whenComplete((w, e) -> abort());
        } else {
            abort();
        }
    }

    /** Drops the connection at once, as a crash or a cut cable would. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        finish();
    }

    private void dispatch(WorkerMessage m) {
        if (m instanceof Request r) {
            pool.execute(() -> {
                WorkerMessage reply = sessions.serve(r);
                onServed.run();  // before the reply leaves, so whoever got the reply sees the count
                send(reply);
            });
        } else if (m instanceof Volume v) {
            sessions.load(v);
        } else if (m instanceof Release r) {
            sessions.release(r.handle());
        } else if (m instanceof Welcome w) {
            welcomed(w);
        } else if (!(m instanceof Heartbeat)) {
            throw new WorkerCodec.BadFrame("a worker does not accept " + m.getClass().getSimpleName());
        }
    }

    private void welcomed(Welcome w) {
        if (w.protocol() != WorkerProtocol.VERSION) {
            throw new WorkerCodec.BadFrame("the backend speaks worker protocol " + w.protocol() + ", this worker " + WorkerProtocol.VERSION);
        }
        welcome = w;
        long period = Math.max(10, w.heartbeatMs());
        heartbeats = timer.scheduleWithFixedDelay(() -> beat(period), period, period, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "registered with the backend as {0}", w.workerId());
    }

    private void beat(long periodMs) {
        if (System.nanoTime() - lastFrameNanos > TimeUnit.MILLISECONDS.toNanos(3 * periodMs)) {
            LOG.log(Level.WARNING, "the backend has been silent for three heartbeats; reconnecting");
            abort();
        } else {
            send(new Heartbeat());
        }
    }

    private void handle(Runnable action) {
        try {
            action.run();
        } catch (WorkerCodec.BadFrame e) {
            LOG.log(Level.ERROR, "the backend sent something this worker does not understand: {0}", e.getMessage());
            close(WorkerProtocol.CLOSE_PROTOCOL, truncate(e.getMessage()));
        } catch (RuntimeException e) {
            // e.g. out of memory for a volume: this connection's state is now unknown, so start over
            LOG.log(Level.ERROR, "handling a message failed; reconnecting", e);
            abort();
        }
    }

    private void finish() {
        ScheduledFuture<?> h = heartbeats;
        if (h != null) {
            h.cancel(false);
        }
        closed.complete(null);
    }

    /** Close reasons are at most 123 bytes (RFC 6455). */
    static String truncate(String reason) {
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }
}
