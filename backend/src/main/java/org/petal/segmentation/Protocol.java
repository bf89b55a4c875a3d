package org.petal.segmentation;

/**
 * Every constant of the {@code /ws/annotate} wire protocol, in one place: endpoint, message type names,
 * binary delta layout, error codes and close codes. {@code docs/protocol.md} describes the same numbers;
 * a change here is a protocol change and bumps {@link #VERSION}.
 */
public final class Protocol {

    private Protocol() {}

    /** WebSocket endpoint, relative to the application's context path. */
    public static final String PATH = "/ws/annotate";

    /**
     * Protocol version, carried in every binary delta header. 2 added brush strokes and one undo history for
     * clicks and strokes.
     */
    public static final int VERSION = 3;

    // JSON "type" values. Client to server:
    public static final String OPEN = "open";
    public static final String CLICK = "click";
    /** A brush stroke; also the {@code action} of its result when it paints. */
    public static final String BRUSH = "brush";
    public static final String UNDO = "undo";
    public static final String REDO = "redo";
    public static final String RESET = "reset";
    public static final String ACCEPT = "accept";
    public static final String CLOSE = "close";
    public static final String RESUME = "resume";
    /** Both directions: the client's liveness signal and the server's answer to it. */
    public static final String HEARTBEAT = "heartbeat";
    // Server to client:
    public static final String READY = "ready";
    public static final String RESULT = "result";
    public static final String ACCEPTED = "accepted";
    public static final String ERROR = "error";
    public static final String CLOSED = "closed";
    public static final String RESUMED = "resumed";
    /** Not a message type: the {@code action} of the result of a {@code brush} with {@code erase: true}. */
    public static final String ERASE = "erase";

    // Brush strokes: outside these a stroke is refused whole (INVALID) and nothing is painted.
    /** Smallest brush radius in mm (a ball this small still covers the voxel under each point). */
    public static final double BRUSH_MIN_RADIUS_MM = 0.5;
    /** Largest brush radius in mm: a 10 cm ball, far beyond any lesion, bounds the work of one stroke. */
    public static final double BRUSH_MAX_RADIUS_MM = 50;
    /** Most points of one stroke: 512 compact points with coordinates below 1000 fit an 8 KiB text frame. */
    public static final int BRUSH_MAX_POINTS = 512;

    // Binary mask delta: a fixed little-endian header, then the zlib-deflated box (one byte per voxel).
    /** "PTMD" in the first four bytes (read as a little-endian u32: 0x444D5450). */
    public static final byte[] DELTA_MAGIC = {'P', 'T', 'M', 'D'};
    /** Body holds one object's mask over the box: 0 = not in the object, 1 = in it. */
    public static final int DELTA_KIND_OBJECT_MASK = 1;
    public static final int DELTA_OFFSET_VERSION = 4;     // u8
    public static final int DELTA_OFFSET_KIND = 5;        // u8
    public static final int DELTA_OFFSET_LABEL = 6;       // u16
    public static final int DELTA_OFFSET_OBJECT = 8;      // u32
    public static final int DELTA_OFFSET_BOX = 12;        // 6 x i32: i0, j0, k0, i1, j1, k1
    public static final int DELTA_HEADER_BYTES = 36;

    // Close codes the server uses (RFC 6455 leaves 4000-4999 to applications).
    /** No real action (open, click, brush, undo, redo, reset, accept) for the idle timeout. */
    public static final int CLOSE_IDLE = 4001;
    /** No frame at all (heartbeats included) for the liveness timeout. */
    public static final int CLOSE_LIVENESS = 4002;

    /** Reasons in a {@code closed} message. */
    public static final String REASON_CLIENT = "client";
    public static final String REASON_IDLE = "idle";
    public static final String REASON_LIVENESS = "liveness";
    public static final String REASON_SHUTDOWN = "shutdown";

    /**
     * The {@code code} of an {@code error} message. {@code retryable}: sending the same request again later
     * may succeed. No error closes the socket.
     */
    public enum ErrorCode {
        /** Not JSON, unknown type, a missing or mistyped field, a binary frame from the client. */
        BAD_MESSAGE(false),
        /** A text frame over the stated limit, or a sitting at its object limit. */
        TOO_LARGE(false),
        /** More requests per second than the limit; wait and resend. */
        RATE_LIMITED(true),
        /** Too many requests of this socket waiting for the engine; resend after a result arrives. */
        BUSY(true),
        /** The request needs an open object ({@code open} first). */
        NOT_OPEN(false),
        /**
         * Well-formed but refused by a rule: unknown label or engine, another assignment on this socket, a
         * stroke outside the volume or the brush limits.
         */
        INVALID(false),
        /** The actor's role does not allow this. */
        FORBIDDEN(false),
        /** No such assignment or case, or one the actor may not know about. */
        NOT_FOUND(false),
        /** The assignment's state does not allow this (e.g. SUBMITTED), or it changed meanwhile. */
        CONFLICT(false),
        /** The engine failed; the object is unchanged. */
        ENGINE_FAILED(true),
        /** Anything else; the details are in the server log, never on the wire. */
        INTERNAL(true);

        private final boolean retryable;

        ErrorCode(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
