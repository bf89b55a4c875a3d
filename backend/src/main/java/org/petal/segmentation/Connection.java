package org.petal.segmentation;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One open socket: where replies go, its request queue and rate limit, and the two clocks its timeouts
 * run on (liveness: any frame; idle: a real action).
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** A client that does not read for this long, or leaves this much unread, is cut off by the decorator. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT_BYTES = 64 * 1024 * 1024;

    private final WebSocketSession session;
    /** Replaced only on the socket's queue, by a resumed sitting before the first open. */
    volatile Sitting sitting;
    /** Why the server is closing the socket, or null while it has not (a drop, or the client's close). */
    private volatile String closeReason;
    final SerialQueue queue;
    final RateLimiter rate;
    private volatile long lastFrameNanos;
    private volatile long lastActionNanos;

    Connection(WebSocketSession raw, Sitting sitting, SerialQueue queue, RateLimiter rate, long nowNanos) {
        // Replies come from pool threads and the container thread at once: the decorator serialises sends.
        this.session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT_BYTES);
        this.sitting = sitting;
        this.queue = queue;
        this.rate = rate;
        this.lastFrameNanos = nowNanos;
        this.lastActionNanos = nowNanos;
    }

    void adopt(Sitting resumed) {
        this.sitting = resumed;
    }

    /**
     * Whether the sitting should be kept for {@code resume} after the socket is gone: yes when the connection
     * dropped or went silent (a reload, a network cut); no when the client closed it or the server did for
     * idleness or shutdown.
     */
    boolean keepsSittingAfterClose() {
        return closeReason == null || Protocol.REASON_LIVENESS.equals(closeReason);
    }

    void frameArrived(long nowNanos) {
        lastFrameNanos = nowNanos;
    }

    void actionArrived(long nowNanos) {
        lastActionNanos = nowNanos;
    }

    void send(Message.FromServer message) {
        send(new TextMessage(MessageCodec.write(message)));
    }

    void sendDelta(byte[] frame) {
        send(new BinaryMessage(frame));
    }

    /**
     * The reason this socket has timed out, or null: liveness first (a dead client also stops acting).
     */
    String expired(long nowNanos, Duration liveness, Duration idle) {
        return expired(nowNanos, lastFrameNanos, lastActionNanos, liveness, idle);
    }

    static String expired(long nowNanos, long lastFrameNanos, long lastActionNanos, Duration liveness, Duration idle) {
        if (nowNanos - lastFrameNanos > liveness.toNanos()) {
            return Protocol.REASON_LIVENESS;
        }
        return nowNanos - lastActionNanos > idle.toNanos() ? Protocol.REASON_IDLE : null;
    }

    /** Says why in a {@code closed} message, then closes the socket. */
    void close(String reason, CloseStatus status) {
        closeReason = reason;
        send(new Message.Closed(reason));
        closeQuietly(status);
    }

    private void send(WebSocketMessage<?> message) {
        if (!session.isOpen()) {
            return;  // the client left; its clean-up is queued already
        }
        try {
            session.sendMessage(message);
        } catch (SessionLimitExceededException e) {
            // The client stopped reading: buffering more for it would only grow the heap.
            log.info("socket {} closed: {}", session.getId(), e.getMessage());
            closeQuietly(e.getStatus());
        } catch (IOException | IllegalStateException e) {
            log.debug("socket {} gone while sending: {}", session.getId(), e.getMessage());
        }
    }

    private void closeQuietly(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("closing socket {}: {}", session.getId(), e.getMessage());
        }
    }
}
