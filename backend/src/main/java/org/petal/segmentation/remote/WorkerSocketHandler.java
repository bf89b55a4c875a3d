package org.petal.segmentation.remote;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.petal.ml.worker.WorkerCodec;
import org.petal.ml.worker.WorkerMessage;
import org.petal.ml.worker.WorkerMessage.Heartbeat;
import org.petal.ml.worker.WorkerMessage.Hello;
import org.petal.ml.worker.WorkerMessage.Reply;
import org.petal.ml.worker.WorkerMessage.Welcome;
import org.petal.ml.worker.WorkerProtocol;
import org.petal.system.PetalProperties;
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
 * The {@code /ws/worker} endpoint ({@code docs/workers.md}). The token was checked at the handshake; a
 * worker joins the {@link WorkerRegistry} once its {@code hello} is accepted and leaves it when its socket
 * closes, which fails its pending requests at once. Anything that is not the protocol closes the socket:
 * a worker is a program, and a confused one is better restarted than humoured.
 */
@Component
class WorkerSocketHandler extends AbstractWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkerSocketHandler.class);
    private static final int MAX_TEXT_CHARS = 64 * 1024;
    private static final int MAX_CAPACITY = 1024;

    private final Map<String, WorkerConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final WorkerRegistry registry;
    private final WorkerProperties properties;
    private final long maxVoxels;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;

    WorkerSocketHandler(WorkerRegistry registry, WorkerProperties properties, PetalProperties petal, Clock clock) {
        this.registry = registry;
        this.properties = properties;
        this.maxVoxels = petal.maxCaseVoxels();
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "petal-worker-sweeper");
            t.setDaemon(true);
            return t;
        });
        if (properties.remoteEnabled()) {  // in-process mode registers no endpoint: nothing to sweep
            long period = Math.max(50, Math.min(5_000, properties.livenessTimeout().toMillis() / 4));
            sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;  // see FrameAssembler
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        var frames = new FrameAssembler(MAX_TEXT_CHARS, properties.maxMessageSize().toBytes());
        connections.put(session.getId(), new WorkerConnection(session, "w" + ids.incrementAndGet(), frames, clock.instant()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) {
        WorkerConnection c = arrived(session);
        if (c != null) {
            guarded(c, () -> {
                String whole = c.frames.text(part.getPayload(), part.isLast());
                if (whole != null) {
                    dispatch(c, WorkerCodec.readText(whole));
                }
            });
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage part) {
        WorkerConnection c = arrived(session);
        if (c != null) {
            guarded(c, () -> {
                byte[] whole = c.frames.binary(part.getPayload(), part.isLast());
                if (whole != null) {
                    dispatch(c, WorkerCodec.readBinary(whole, maxVoxels));
                }
            });
        }
    }

    private WorkerConnection arrived(WebSocketSession session) {
        WorkerConnection c = connections.get(session.getId());
        if (c != null) {
            c.frameArrived(System.nanoTime());  // parts count: a large result still arriving is a live worker
        }
        return c;
    }

    private void dispatch(WorkerConnection c, WorkerMessage m) {
        if (m instanceof Hello h) {
            hello(c, h);
        } else if (c.hello() == null) {
            throw new WorkerCodec.BadFrame("say hello first");
        } else if (m instanceof Heartbeat) {
            c.heartbeat(clock.instant());
            c.sendOneWay(new Heartbeat());
        } else if (m instanceof Reply r) {
            c.complete(r);
        } else {
            throw new WorkerCodec.BadFrame("the backend does not accept " + m.getClass().getSimpleName());
        }
    }

    private void hello(WorkerConnection c, Hello h) {
        if (c.hello() != null) {
            throw new WorkerCodec.BadFrame("hello twice");
        }
        if (h.protocol() != WorkerProtocol.VERSION) {
            throw new WorkerCodec.BadFrame("this backend speaks worker protocol " + WorkerProtocol.VERSION + ", not " + h.protocol());
        }
        if (h.engines().isEmpty() || h.capacity() < 1 || h.capacity() > MAX_CAPACITY) {
            throw new WorkerCodec.BadFrame("hello needs at least one engine and a capacity of 1.." + MAX_CAPACITY);
        }
        c.registered(h);
        c.heartbeat(clock.instant());
        registry.add(c);  // before the welcome: a worker that was welcomed is listed
        c.sendOneWay(new Welcome(WorkerProtocol.VERSION, c.id(), properties.heartbeatInterval().toMillis()));
        log.info("worker {} ({}) joined: engines {}, capacity {}", c.id(), h.name(), h.engines(), h.capacity());
    }

    private void guarded(WorkerConnection c, Runnable action) {
        try {
            action.run();
        } catch (WorkerCodec.BadFrame | FrameAssembler.TooLarge e) {
            log.warn("worker {}: closing, it broke the protocol: {}", c.id(), e.getMessage());
            c.close(new CloseStatus(WorkerProtocol.CLOSE_PROTOCOL, reason(e.getMessage())));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("worker socket {} transport error: {}", session.getId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        WorkerConnection c = connections.remove(session.getId());
        if (c != null) {
            registry.remove(c);
            c.gone("connection closed (" + status.getCode() + (status.getReason() == null ? "" : " " + status.getReason()) + ")");
            if (c.hello() != null) {
                log.info("worker {} ({}) left: {}", c.id(), c.hello().name(), status);
            }
        }
    }

    int openConnections() {
        return connections.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        connections.values().forEach(c -> {
            if (now - c.lastFrameNanos() > properties.livenessTimeout().toNanos()) {
                log.warn("worker {}: no frame for {}, dropping it", c.id(), properties.livenessTimeout());
                c.close(new CloseStatus(WorkerProtocol.CLOSE_LIVENESS, "liveness"));
            }
        });
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
        connections.values().forEach(c -> c.close(CloseStatus.GOING_AWAY));
    }

    /** Close reasons are at most 123 bytes (RFC 6455). */
    private static String reason(String message) {
        String m = message == null ? "protocol error" : message;
        return m.length() <= 100 ? m : m.substring(0, 100);
    }
}
