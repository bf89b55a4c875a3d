package org.petal.segmentation.remote;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.petal.ml.worker.WorkerCodec;
import org.petal.ml.worker.WorkerMessage;
import org.petal.ml.worker.WorkerMessage.Hello;
import org.petal.ml.worker.WorkerMessage.Reply;
import org.petal.ml.worker.WorkerMessage.Request;
import org.petal.segmentation.InferenceWorker.CaseVolume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One connected worker as the backend sees it: its socket, what it said in {@code hello}, the requests
 * waiting for its replies, the volumes it has been sent, and the clocks of its liveness.
 *
 * <p>A request stays counted as pending until the worker answers it or the connection ends, even after
 * the caller gave up on it: the worker is still busy with it, and counting it keeps new objects away from
 * a worker whose engine hangs.
 */
final class WorkerConnection {

    /** The connection ended before the reply came. */
    static final class Gone extends RuntimeException {
        Gone(String reason) {
            super(reason, null, false, false);
        }
    }

    private record VolumeKey(long caseId, long version) {}

    private static final Logger log = LoggerFactory.getLogger(WorkerConnection.class);
    /** A worker that does not read for this long while we send is cut off by the decorator. */
    private static final int SEND_TIME_LIMIT_MS = 60_000;
    /**
     * Not a byte limit in effect: whole-body volumes legitimately queue behind each other (hundreds of MB);
     * the send time limit and the liveness timeout are what cut off a worker that stopped reading.
     */
    private static final int SEND_BUFFER_LIMIT_BYTES = Integer.MAX_VALUE;

    private final WebSocketSession session;
    private final String id;
    private final Instant connectedAt;
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final Map<Long, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final RoundTrips roundTrips = new RoundTrips(100);
    private final Set<VolumeKey> volumes = ConcurrentHashMap.newKeySet();
    private final Object volumeLock = new Object();
    private final AtomicInteger objects = new AtomicInteger();
    final FrameAssembler frames;
    private volatile Hello hello;
    private volatile Instant lastHeartbeat;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile String goneReason;

    WorkerConnection(WebSocketSession raw, String id, FrameAssembler frames, Instant now) {
        // Requests come from many inference threads at once: the decorator serialises sends.
        this.session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT_BYTES);
        this.id = id;
        this.frames = frames;
        this.connectedAt = now;
        this.lastHeartbeat = now;
    }

    String id() {
        return id;
    }

    Hello hello() {
        return hello;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    void registered(Hello h) {
        hello = h;
    }

    boolean isOpen() {
        return goneReason == null && session.isOpen();
    }

    boolean runs(String engine) {
        Hello h = hello;
        return h != null && h.engines().contains(engine);
    }

    void frameArrived(long nowNanos) {
        lastFrameNanos = nowNanos;
    }

    long lastFrameNanos() {
        return lastFrameNanos;
    }

    void heartbeat(Instant now) {
        lastHeartbeat = now;
    }

    void objectOpened() {
        objects.incrementAndGet();
    }

    void objectReleased() {
        objects.decrementAndGet();
    }

    /** Pending requests per slot of capacity, for choosing the least-loaded worker. */
    double load() {
        Hello h = hello;
        return pending.size() / (double) (h == null ? 1 : h.capacity());
    }

    int objects() {
        return objects.get();
    }

    /** Sends the request; the future completes with its reply, or exceptionally with {@link Gone}. */
    CompletableFuture<Reply> send(Request r) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        sentAtNanos.put(r.id(), System.nanoTime());
        pending.put(r.id(), reply);
        String gone = goneReason;
        if (gone != null) {  // closed meanwhile: gone() may have run before the put
            pending.remove(r.id());
            sentAtNanos.remove(r.id());
            reply.completeExceptionally(new Gone(gone));
            return reply;
        }
        sendOneWay(r);
        return reply;
    }

    /** A message that gets no reply (release, welcome, heartbeat). Failures close the connection. */
    void sendOneWay(WorkerMessage m) {
        if (!isOpen()) {
            return;
        }
        try {
            session.sendMessage(WorkerCodec.isBinary(m) ? new BinaryMessage(WorkerCodec.binary(m)) : new TextMessage(WorkerCodec.text(m)));
        } catch (IOException | RuntimeException e) {
            log.info("worker {}: sending failed, closing: {}", id, e.getMessage());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    /**
     * Sends the case volume unless this connection has it already. Under a lock, so a second object on the
     * same case waits for the first one's volume to be on its way instead of overtaking it with its open.
     */
    void ensureVolume(CaseVolume v) {
        VolumeKey key = new VolumeKey(v.caseId(), v.version());
        synchronized (volumeLock) {
            if (!volumes.contains(key)) {
                sendOneWay(new WorkerMessage.Volume(v.caseId(), v.version(), v.voxels().get()));
                volumes.add(key);
            }
        }
    }

    /** The worker evicted the volume from its cache: send it again next time. */
    void forgetVolume(CaseVolume v) {
        volumes.remove(new VolumeKey(v.caseId(), v.version()));
    }

    /**
     * A reply arrived; one nobody waits for any more (timed out) is dropped. Its round trip counts either
     * way: a late reply is how slow the worker really is.
     */
    void complete(Reply r) {
        Long sent = sentAtNanos.remove(r.id());
        if (sent != null) {
            roundTrips.add((System.nanoTime() - sent) / 1e6);
        }
        CompletableFuture<Reply> f = pending.remove(r.id());
        if (f != null) {
            f.complete(r);
        }
    }

    /** The socket is closed: everyone waiting gets {@link Gone} at once instead of waiting for the timeout. */
    void gone(String reason) {
        if (goneReason == null) {
            goneReason = reason;
        }
        pending.values().forEach(f -> f.completeExceptionally(new Gone(reason)));
        pending.clear();
        sentAtNanos.clear();
    }

    /** Fails what is pending at once (a half-open TCP connection may take long to report its close), then closes. */
    void close(CloseStatus status) {
        gone("closed by the backend (" + status.getCode() + (status.getReason() == null ? "" : " " + status.getReason()) + ")");
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("worker {}: closing: {}", id, e.getMessage());
        }
    }

    WorkerView view() {
        Hello h = hello;
        int capacity = h == null ? 0 : h.capacity();
        int outstanding = pending.size();
        int running = Math.min(outstanding, capacity);
        RoundTrips.Summary latency = roundTrips.summary();
        return new WorkerView(id, h == null ? "" : h.name(), h == null ? List.of() : h.engines(), capacity, running,
            outstanding - running, objects.get(), connectedAt, lastHeartbeat, latency.medianMs(), latency.p95Ms(),
            latency.samples());
    }

    /**
     * One worker in {@code GET /api/workers}.
     *
     * @param inFlight requests the worker is running (at most its capacity)
     * @param queued   requests sent to it that wait in its queue
     * @param objects  open objects (sessions, with their embeddings) it holds
     * @param latencyMedianMs median round trip (send to reply) of its last {@code latencySamples} replies, ms;
     *                        null before the first reply
     * @param latencyP95Ms    95th percentile of the same, ms
     */
    public record WorkerView(String id, String name, List<String> engines, int capacity, int inFlight, int queued,
                             int objects, Instant connectedAt, Instant lastHeartbeat, Double latencyMedianMs,
                             Double latencyP95Ms, int latencySamples) {}
}
