package org.petal.segmentation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.petal.segmentation.Protocol.ErrorCode;
import org.petal.users.Actor;
import org.petal.users.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The {@code /ws/annotate} endpoint (protocol: {@code docs/protocol.md}). On the container's thread it only
 * checks a frame (size, rate, shape) and answers heartbeats; everything that touches an engine or the
 * database is queued per socket and runs on the inference pool, in arrival order. It owns nothing
 * durable: sittings call the services, which check rights.
 */
@Component
class AnnotateHandler extends AbstractWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnnotateHandler.class);

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Sittings sittings;
    private final ParkedSittings parked;
    private final CurrentActor currentActor;
    private final SegmentationProperties properties;
    private final ExecutorService pool;
    private final ScheduledExecutorService sweeper;

    AnnotateHandler(Sittings sittings, ParkedSittings parked, CurrentActor currentActor, SegmentationProperties properties) {
        this.sittings = sittings;
        this.parked = parked;
        this.currentActor = currentActor;
        this.properties = properties;
        this.pool = Executors.newFixedThreadPool(properties.threads(), threads("petal-inference-"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(threads("petal-socket-sweeper-"));
        long period = Math.max(50, Math.min(5_000, properties.livenessTimeout().toMillis() / 9));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        Actor actor;
        try {
            actor = currentActor.of(session.getPrincipal());  // the handshake's authenticated user
        } catch (RuntimeException e) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("not logged in"));
            return;
        }
        long now = System.nanoTime();
        connections.put(session.getId(), new Connection(session, sittings.start(actor),
            new SerialQueue(pool, properties.maxQueuedRequests()), new RateLimiter(properties.maxRequestsPerSecond(), now), now));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        Connection c = connections.get(session.getId());
        if (c == null) {
            return;
        }
        long now = System.nanoTime();
        c.frameArrived(now);
        if (frame.getPayloadLength() > properties.maxTextFrameBytes()) {
            c.send(Message.ErrorReply.of(ErrorCode.TOO_LARGE, "text frames are at most " + properties.maxTextFrameBytes() + " bytes"));
        } else if (!c.rate.tryAcquire(now)) {
            c.send(Message.ErrorReply.of(ErrorCode.RATE_LIMITED, "at most " + properties.maxRequestsPerSecond()
                + " messages per second; this one was dropped"));
        } else {
            dispatch(c, frame.getPayload(), now);
        }
    }

    private void dispatch(Connection c, String json, long now) {
        Message.FromClient m;
        try {
            m = MessageCodec.readFromClient(json);
        } catch (MessageCodec.BadMessage e) {
            c.send(ErrorReplies.of(e));
            return;
        }
        if (m instanceof Message.Heartbeat) {
            c.send(new Message.Heartbeat());
            return;
        }
        c.actionArrived(now);
        if (m instanceof Message.Close) {
            c.queue.force(() -> c.close(Protocol.REASON_CLIENT, CloseStatus.NORMAL));
        } else if (!c.queue.offer(() -> c.send(run(c, m, now)))) {
            c.send(Message.ErrorReply.of(ErrorCode.BUSY, "at most " + properties.maxQueuedRequests()
                + " requests may wait for the engine; wait for a result and resend"));
        } else if (m instanceof Message.Resume r) {
            // The user has just opened the case: read it for the engine while they look, after the reply.
            c.queue.offer(() -> sittings.prepareEngine(c.sitting.actor(), r.assignmentId()));
        }
    }

    /** One request on the pool: its reply, or the typed error it ended in. */
    private Message.FromServer run(Connection c, Message.FromClient m, long receivedNanos) {
        try {
            if (m instanceof Message.Resume resume) {
                return sittings.resume(c, resume, c::sendDelta);
            }
            if (m instanceof Message.Open open) {
                return c.sitting.open(open);
            }
            if (m instanceof Message.Edit edit) {
                return c.sitting.edit(edit, receivedNanos, c::sendDelta);
            }
            if (m instanceof Message.Accept) {
                return c.sitting.accept();
            }
            throw new IllegalStateException("no handler for " + m);
        } catch (RuntimeException e) {
            return ErrorReplies.of(e);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection c = connections.get(session.getId());
        if (c != null) {
            c.frameArrived(System.nanoTime());
            c.send(Message.ErrorReply.of(ErrorCode.BAD_MESSAGE, "clients send JSON text frames only"));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("socket {} transport error: {}", session.getId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection c = connections.remove(session.getId());
        if (c != null) {
            // After whatever is still queued, so an in-flight click cannot reopen what is released.
            c.queue.force(() -> {
                if (c.keepsSittingAfterClose()) {
                    parked.park(c.sitting, System.nanoTime());
                } else {
                    ParkedSittings.release(c.sitting);
                }
            });
        }
    }

    int openConnections() {
        return connections.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        parked.expire(now);
        connections.values().forEach(c -> {
            String reason = c.expired(now, properties.livenessTimeout(), properties.idleTimeout());
            if (reason != null) {
                c.close(reason, new CloseStatus(Protocol.REASON_IDLE.equals(reason) ? Protocol.CLOSE_IDLE : Protocol.CLOSE_LIVENESS,
                    reason));
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        sweeper.shutdownNow();
        connections.values().forEach(c -> c.close(Protocol.REASON_SHUTDOWN, CloseStatus.GOING_AWAY));
        pool.shutdown();  // queued clean-ups still run
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
