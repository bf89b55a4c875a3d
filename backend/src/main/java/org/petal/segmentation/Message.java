package org.petal.segmentation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.segment.Voxel;
import org.petal.segmentation.Protocol.ErrorCode;

/**
 * Every JSON message of {@code /ws/annotate}, one record each; {@code type} on the wire names the record
 * (the names are in {@link Protocol}). Client messages validate themselves when parsed, so a record that
 * exists is a well-formed request. Voxels and dimensions travel as {@code [i, j, k]} arrays in the case
 * grid ({@code i} fastest); boxes are half-open; times are milliseconds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Message.Open.class, name = Protocol.OPEN),
    @JsonSubTypes.Type(value = Message.Click.class, name = Protocol.CLICK),
    @JsonSubTypes.Type(value = Message.Brush.class, name = Protocol.BRUSH),
    @JsonSubTypes.Type(value = Message.Undo.class, name = Protocol.UNDO),
    @JsonSubTypes.Type(value = Message.Redo.class, name = Protocol.REDO),
    @JsonSubTypes.Type(value = Message.Reset.class, name = Protocol.RESET),
    @JsonSubTypes.Type(value = Message.Accept.class, name = Protocol.ACCEPT),
    @JsonSubTypes.Type(value = Message.Heartbeat.class, name = Protocol.HEARTBEAT),
    @JsonSubTypes.Type(value = Message.Close.class, name = Protocol.CLOSE),
    @JsonSubTypes.Type(value = Message.Resume.class, name = Protocol.RESUME),
    @JsonSubTypes.Type(value = Message.Ready.class, name = Protocol.READY),
    @JsonSubTypes.Type(value = Message.Result.class, name = Protocol.RESULT),
    @JsonSubTypes.Type(value = Message.Accepted.class, name = Protocol.ACCEPTED),
    @JsonSubTypes.Type(value = Message.ErrorReply.class, name = Protocol.ERROR),
    @JsonSubTypes.Type(value = Message.Closed.class, name = Protocol.CLOSED),
    @JsonSubTypes.Type(value = Message.Resumed.class, name = Protocol.RESUMED)})
public sealed interface Message {

    /** What a browser may send. */
    sealed interface FromClient extends Message permits Open, Edit, Accept, Heartbeat, Close, Resume {}

    /** What the server sends. */
    sealed interface FromServer extends Message permits Ready, Result, Accepted, Heartbeat, ErrorReply, Closed, Resumed {}

    /** The edits of the open object; they share one result shape. */
    sealed interface Edit extends FromClient permits Click, Brush, Undo, Redo, Reset {}

    // ---- client to server ----

    /**
     * Opens a new object of label {@code label} (its voxel value) on the actor's assignment; the first open of
     * a socket also opens the sitting. {@code engine}: null for the label's default engine.
     */
    record Open(Long assignmentId, Integer label, String engine) implements FromClient {
        public Open {
            require(assignmentId != null && assignmentId > 0, "open needs a positive assignmentId");
            require(label != null && label >= 1 && label <= 255, "open needs a label value 1..255");
            engine = engine == null || engine.isBlank() ? null : engine;
        }
    }

    /** An include ({@code include = true}) or exclude click on the open object at {@code voxel}. */
    record Click(Index3 voxel, Boolean include) implements Edit {
        public Click {
            require(voxel != null, "click needs voxel [i, j, k]");
            require(include != null, "click needs include (true or false)");
        }
    }

    /**
     * A brush stroke on the open object: a ball of {@code radiusMm} swept along the polyline {@code points}
     * (voxel centres of the case grid); {@code erase} takes its voxels out of the object, otherwise they are
     * put in. Only presence is checked here (BAD_MESSAGE); the limits of {@link Protocol} are checked
     * against the case when it is applied (INVALID).
     */
    record Brush(Boolean erase, Double radiusMm, List<Index3> points) implements Edit {
        public Brush {
            require(erase != null, "brush needs erase (true or false)");
            require(radiusMm != null, "brush needs radiusMm");
            require(points != null && points.stream().allMatch(Objects::nonNull), "brush needs points [[i, j, k], ...]");
            points = List.copyOf(points);
        }
    }

    record Undo() implements Edit {}

    record Redo() implements Edit {}

    /** Clears the open object's clicks, strokes and mask (undoable). */
    record Reset() implements Edit {}

    /** Stores the label map of all objects of the sitting as a new revision. */
    record Accept() implements FromClient {}

    /** Liveness: the client sends one every heartbeat interval; the server answers with one. */
    record Heartbeat() implements FromClient, FromServer {}

    /** Ends the sitting: objects are released (unaccepted work is lost) and the server closes the socket. */
    record Close() implements FromClient {}

    /**
     * Asks for the sitting this user left on the assignment (a reload, a dropped connection) to be moved to
     * this socket; sent before any {@code open}.
     */
    record Resume(Long assignmentId) implements FromClient {
        public Resume {
            require(assignmentId != null && assignmentId > 0, "resume needs a positive assignmentId");
        }
    }

    // ---- server to client ----

    /** The object is open: clicks now go to it. {@code heartbeatMs}: how often the client should send one. */
    record Ready(long sessionId, int objectId, int labelValue, String engine, Index3 dims, long heartbeatMs)
        implements FromServer {}

    /**
     * What an edit did. {@code action}: the request's type, {@code erase} for an erasing brush. {@code changed}:
     * the tight box where the object's mask (the engine's with the strokes over it) changed, null when nothing
     * did; {@code delta}: a binary mask delta for it came just before this message. Latencies: {@code modelMs}
     * inside the engine, {@code totalMs} the whole engine interaction (for a stroke: rasterising and laying
     * it over), {@code serverMs} from the frame's arrival to this reply (queueing and logging included).
     */
    record Result(String action, int objectId, int labelValue, InteractionResult.Outcome outcome, String message,
                  Region changed, boolean delta, int prompts, long maskVoxels, int windows, double modelMs,
                  double totalMs, double serverMs) implements FromServer {}

    record Accepted(long revisionId, long labelledVoxels) implements FromServer {}

    /** A typed error; the socket stays open. {@code message} is for people, never a stack trace. */
    record ErrorReply(ErrorCode code, String message, boolean retryable) implements FromServer {
        static ErrorReply of(ErrorCode code, String message) {
            return new ErrorReply(code, message, code.retryable());
        }
    }

    /** The server is about to close the socket; {@code reason} is one of the {@code REASON_*} of {@link Protocol}. */
    record Closed(String reason) implements FromServer {}

    /**
     * The answer to {@code resume}. {@code sessionId} null and no objects: nothing was kept, the next
     * {@code open} starts a sitting. {@code baseRevisionId}: the revision the sitting's label map starts from
     * (the newest when it opened; null for none), which the client shows under the objects. A binary delta
     * with each object's whole mask came before this message. {@code unsaved}: edits since the last accept.
     */
    record Resumed(Long sessionId, Long baseRevisionId, List<ObjectState> objects, boolean unsaved, long heartbeatMs)
        implements FromServer {}

    /** An open object of a resumed sitting; the last one receives the edits. */
    record ObjectState(int objectId, int labelValue, String engine, int prompts, long maskVoxels) {}

    // ---- value types ----

    /** Three integers as a JSON array {@code [i, j, k]} (a voxel, or dimensions {@code [nx, ny, nz]}). */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"i", "j", "k"})
    record Index3(int i, int j, int k) {
        Voxel voxel() {
            return new Voxel(i, j, k);
        }
    }

    /** A half-open voxel box {@code [i0, i1) × [j0, j1) × [k0, k1)}. */
    record Region(int i0, int j0, int k0, int i1, int j1, int k1) {
        /** The box on the wire; null for an empty box. */
        static Region of(Box b) {
            return b.isEmpty() ? null : new Region(b.i0(), b.j0(), b.k0(), b.i1(), b.j1(), b.k1());
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
