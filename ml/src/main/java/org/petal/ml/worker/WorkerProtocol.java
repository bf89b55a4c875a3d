package org.petal.ml.worker;

/**
 * Every constant of the {@code /ws/worker} protocol between the backend and an inference worker process,
 * in one place: endpoint, authentication, message type names, binary frame layout, error and close codes.
 * {@code docs/workers.md} describes the same numbers; a change here is a protocol change and bumps
 * {@link #VERSION}. It is a different protocol from the browser's {@code /ws/annotate}: its peer is a
 * trusted process holding the shared token, not a user.
 */
public final class WorkerProtocol {

    private WorkerProtocol() {}

    /** WebSocket endpoint on the backend, relative to its context path. */
    public static final String PATH = "/ws/worker";

    /** Protocol version: sent in {@code hello} and {@code welcome} and in every binary frame's prefix. */
    public static final int VERSION = 1;

    /** The handshake carries the shared token as {@code Authorization: Bearer <token>}. */
    public static final String AUTHORIZATION = "Authorization";
    public static final String BEARER = "Bearer ";

    // JSON "type" values. Worker to backend:
    public static final String HELLO = "hello";
    public static final String OPENED = "opened";
    public static final String FAILED = "failed";
    /** Binary: the outcome of an edit with the changed box's voxels. */
    public static final String RESULT = "result";
    // Backend to worker:
    public static final String WELCOME = "welcome";
    /** Binary: a case volume in SUV, sent once per worker connection and (case id, version). */
    public static final String VOLUME = "volume";
    public static final String OPEN = "open";
    public static final String CLICK = "click";
    public static final String UNDO = "undo";
    public static final String REDO = "redo";
    public static final String RESET = "reset";
    public static final String RELEASE = "release";
    /** Both directions: the worker sends one every {@code welcome.heartbeatMs}, the backend answers it. */
    public static final String HEARTBEAT = "heartbeat";

    // Binary frames: a fixed little-endian prefix, a JSON header (UTF-8), then a zlib-deflated body.
    /** "PTWF" in the first four bytes. */
    public static final byte[] FRAME_MAGIC = {'P', 'T', 'W', 'F'};
    public static final int FRAME_OFFSET_VERSION = 4;        // u8
    public static final int FRAME_OFFSET_HEADER_LENGTH = 8;  // u32: bytes of the JSON header that follows
    public static final int FRAME_PREFIX_BYTES = 12;
    /** Largest JSON header of a binary frame; longer ones are a broken peer. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    // Close codes (RFC 6455 leaves 4000-4999 to applications).
    /** The peer sent something that is not this protocol (bad JSON, unknown type, wrong version). */
    public static final int CLOSE_PROTOCOL = 4400;
    /** No frame at all for the liveness timeout. */
    public static final int CLOSE_LIVENESS = 4402;
    /** The backend dropped the worker on purpose (operator, shutdown); the worker reconnects. */
    public static final int CLOSE_DROPPED = 4410;

    /** The {@code code} of a {@code failed} reply. */
    public enum ErrorCode {
        /** The request was not understood; a protocol bug, not the user's doing. */
        BAD_MESSAGE,
        /** An engine this worker does not run, or a malformed argument. */
        INVALID,
        /** The handle is not open on this worker (released, or opened on an earlier connection). */
        NOT_OPEN,
        /** {@code open} named a volume this worker has not (or no longer) cached; send it, then retry. */
        VOLUME_MISSING,
        /** The engine threw; the object is unchanged. */
        ENGINE_FAILED
    }
}
