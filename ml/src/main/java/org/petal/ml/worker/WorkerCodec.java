package org.petal.ml.worker;

import static org.petal.ml.worker.WorkerProtocol.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.petal.ml.dataset.LabelKind;
import org.petal.ml.segment.Voxel;
import org.petal.ml.worker.WorkerMessage.Click;
import org.petal.ml.worker.WorkerMessage.Failed;
import org.petal.ml.worker.WorkerMessage.Heartbeat;
import org.petal.ml.worker.WorkerMessage.Hello;
import org.petal.ml.worker.WorkerMessage.Open;
import org.petal.ml.worker.WorkerMessage.Opened;
import org.petal.ml.worker.WorkerMessage.Redo;
import org.petal.ml.worker.WorkerMessage.Request;
import org.petal.ml.worker.WorkerMessage.Release;
import org.petal.ml.worker.WorkerMessage.Reset;
import org.petal.ml.worker.WorkerMessage.Result;
import org.petal.ml.worker.WorkerMessage.Undo;
import org.petal.ml.worker.WorkerMessage.Volume;
import org.petal.ml.worker.WorkerMessage.Welcome;

/**
 * Reads and writes worker-protocol messages: JSON text frames for control, binary frames
 * ({@link WorkerFrames}) for voxels. Both sides of the connection use this one class.
 */
public final class WorkerCodec {

    /** A frame that is not this protocol; the connection should be closed with {@link WorkerProtocol#CLOSE_PROTOCOL}. */
    public static final class BadFrame extends RuntimeException {
        public BadFrame(String message) {
            super(message);
        }
    }

    private WorkerCodec() {}

    /** True for the messages that travel as binary frames ({@link #binary}), false for text ({@link #text}). */
    public static boolean isBinary(WorkerMessage m) {
        return m instanceof Volume || m instanceof Result;
    }

    public static byte[] binary(WorkerMessage m) {
        if (m instanceof Volume v) {
            return WorkerFrames.volume(v);
        }
        if (m instanceof Result r) {
            return WorkerFrames.result(r);
        }
        throw new IllegalArgumentException(m.getClass().getSimpleName() + " travels as text");
    }

    /** A binary frame's message; {@code maxVoxels} bounds what a header may make us allocate. */
    public static WorkerMessage readBinary(byte[] frame, long maxVoxels) {
        return WorkerFrames.read(frame, maxVoxels);
    }

    public static String text(WorkerMessage m) {
        if (m instanceof Request r) {
            return Json.write(request(r));
        }
        ObjectNode n;
        if (m instanceof Hello h) {
            n = Json.object(HELLO).put("protocol", h.protocol()).put("name", h.name()).put("capacity", h.capacity());
            h.engines().forEach(n.putArray("engines")::add);
        } else if (m instanceof Heartbeat) {
            n = Json.object(HEARTBEAT);
        } else if (m instanceof Welcome w) {
            n = Json.object(WELCOME).put("protocol", w.protocol()).put("workerId", w.workerId()).put("heartbeatMs", w.heartbeatMs());
        } else if (m instanceof Release r) {
            n = Json.object(RELEASE).put("handle", r.handle());
        } else if (m instanceof Opened o) {
            n = Json.object(OPENED).put("id", o.id()).put("handle", o.handle());
        } else if (m instanceof Failed f) {
            n = Json.object(FAILED).put("id", f.id()).put("code", f.code().name()).put("message", f.message());
        } else {
            throw new IllegalArgumentException(m.getClass().getSimpleName() + " travels as a binary frame");
        }
        return Json.write(n);
    }

    public static WorkerMessage readText(String json) {
        JsonNode n = Json.read(json);
        String type = Json.string(n, "type");
        switch (type) {
            case HELLO:
                return new Hello(Json.int32(n, "protocol"), Json.string(n, "name"), strings(n, "engines"), Json.int32(n, "capacity"));
            case HEARTBEAT:
                return new Heartbeat();
            case WELCOME:
                return new Welcome(Json.int32(n, "protocol"), Json.string(n, "workerId"), Json.integer(n, "heartbeatMs"));
            case RELEASE:
                return new Release(Json.integer(n, "handle"));
            case OPENED:
                return new Opened(Json.integer(n, "id"), Json.integer(n, "handle"));
            case FAILED:
                return new Failed(Json.integer(n, "id"), errorCode(Json.string(n, "code")), Json.string(n, "message"));
            default:
                return readRequest(n, type);
        }
    }

    private static ObjectNode request(Request r) {
        ObjectNode n;
        if (r instanceof Open o) {
            n = Json.object(OPEN).put("caseId", o.caseId()).put("version", o.version()).put("engine", o.engine())
                .put("kind", o.kind().jsonName());
        } else if (r instanceof Click c) {
            n = Json.object(CLICK).put("include", c.include());
            Json.put(n, "voxel", c.voxel().i(), c.voxel().j(), c.voxel().k());
        } else if (r instanceof Undo) {
            n = Json.object(UNDO);
        } else if (r instanceof Redo) {
            n = Json.object(REDO);
        } else {
            n = Json.object(RESET);
        }
        return n.put("id", r.id()).put("handle", r.handle());
    }

    private static WorkerMessage readRequest(JsonNode n, String type) {
        switch (type) {
            case OPEN:
                return new Open(Json.integer(n, "id"), Json.integer(n, "handle"), Json.integer(n, "caseId"),
                    Json.integer(n, "version"), Json.string(n, "engine"), kind(Json.string(n, "kind")));
            case CLICK:
                int[] v = Json.ints(n, "voxel", 3);
                return new Click(Json.integer(n, "id"), Json.integer(n, "handle"), new Voxel(v[0], v[1], v[2]), Json.bool(n, "include"));
            case UNDO:
                return new Undo(Json.integer(n, "id"), Json.integer(n, "handle"));
            case REDO:
                return new Redo(Json.integer(n, "id"), Json.integer(n, "handle"));
            case RESET:
                return new Reset(Json.integer(n, "id"), Json.integer(n, "handle"));
            default:
                throw new BadFrame("unknown message type '" + type + "'");
        }
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new BadFrame("'" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        a.forEach(e -> {
            if (!e.isTextual()) {
                throw new BadFrame("'" + field + "' must be an array of strings");
            }
            out.add(e.textValue());
        });
        return out;
    }

    private static LabelKind kind(String text) {
        try {
            return LabelKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadFrame("unknown label kind '" + text + "'");
        }
    }

    private static ErrorCode errorCode(String text) {
        try {
            return ErrorCode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadFrame("unknown error code '" + text + "'");
        }
    }
}
