package org.petal.ml.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.petal.ml.segment.Box;
import org.petal.ml.segment.InteractionResult;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;
import org.petal.ml.worker.WorkerMessage.Result;
import org.petal.ml.worker.WorkerMessage.Volume;

/**
 * The binary frames of the worker protocol: a {@value WorkerProtocol#FRAME_PREFIX_BYTES}-byte little-endian
 * prefix (magic, version, header length), a JSON header naming the message, then a zlib-deflated body —
 * float32 SUV voxels for a volume, 0/1 mask bytes for a result, both in box order ({@code i} fastest).
 */
final class WorkerFrames {

    private WorkerFrames() {}

    static byte[] volume(Volume v) {
        VolumeGeometry g = v.volume().geometry();
        ObjectNode h = Json.object(WorkerProtocol.VOLUME).put("caseId", v.caseId()).put("version", v.version())
            .put("unit", v.volume().unit().name());
        Json.put(h, "dims", g.nx(), g.ny(), g.nz());
        Json.put(h, "spacing", g.spacing());
        Json.put(h, "origin", g.originLps());
        Json.put(h, "direction", g.direction());
        ByteArrayOutputStream out = prefixed(h);
        Deflate.floats(v.volume().voxels(), out);
        return out.toByteArray();
    }

    static byte[] result(Result r) {
        InteractionResult x = r.result();
        Box b = x.changed();
        ObjectNode h = Json.object(WorkerProtocol.RESULT).put("id", r.id()).put("handle", r.handle())
            .put("outcome", x.outcome().name()).put("message", x.message()).put("prompts", x.prompts())
            .put("maskVoxels", x.maskVoxels()).put("windows", x.windows()).put("modelMs", x.modelMs()).put("totalMs", x.totalMs());
        Json.put(h, "changed", b.i0(), b.j0(), b.k0(), b.i1(), b.j1(), b.k1());
        ByteArrayOutputStream out = prefixed(h);
        Deflate.bytes(r.voxels(), out);
        return out.toByteArray();
    }

    static WorkerMessage read(byte[] frame, long maxVoxels) {
        if (frame.length < WorkerProtocol.FRAME_PREFIX_BYTES || !Arrays.equals(frame, 0, 4, WorkerProtocol.FRAME_MAGIC, 0, 4)) {
            throw new WorkerCodec.BadFrame("not a worker-protocol binary frame");
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get(WorkerProtocol.FRAME_OFFSET_VERSION) & 0xFF;
        if (version != WorkerProtocol.VERSION) {
            throw new WorkerCodec.BadFrame("binary frame of protocol version " + version + "; this side speaks " + WorkerProtocol.VERSION);
        }
        int headerLength = b.getInt(WorkerProtocol.FRAME_OFFSET_HEADER_LENGTH);
        int body = WorkerProtocol.FRAME_PREFIX_BYTES + headerLength;
        if (headerLength <= 0 || headerLength > WorkerProtocol.MAX_HEADER_BYTES || body > frame.length) {
            throw new WorkerCodec.BadFrame("binary frame header length " + headerLength + " is out of range");
        }
        JsonNode h = Json.read(new String(frame, WorkerProtocol.FRAME_PREFIX_BYTES, headerLength, StandardCharsets.UTF_8));
        String type = Json.string(h, "type");
        if (WorkerProtocol.VOLUME.equals(type)) {
            return readVolume(h, frame, body, maxVoxels);
        }
        if (WorkerProtocol.RESULT.equals(type)) {
            return readResult(h, frame, body, maxVoxels);
        }
        throw new WorkerCodec.BadFrame("unknown binary frame type '" + type + "'");
    }

    private static Volume readVolume(JsonNode h, byte[] frame, int body, long maxVoxels) {
        int[] d = Json.ints(h, "dims", 3);
        VolumeGeometry g;
        PetUnit unit;
        try {
            g = new VolumeGeometry(d[0], d[1], d[2], Json.doubles(h, "spacing", 3), Json.doubles(h, "origin", 3),
                Json.doubles(h, "direction", 9));
            unit = PetUnit.valueOf(Json.string(h, "unit"));
        } catch (IllegalArgumentException e) {
            throw new WorkerCodec.BadFrame("volume header: " + e.getMessage());
        }
        requireSize(g.voxelCount(), maxVoxels, "volume");
        float[] voxels = Deflate.inflateFloats(frame, body, (int) g.voxelCount());
        return new Volume(Json.integer(h, "caseId"), Json.integer(h, "version"), new PetVolume(g, voxels, unit, null));
    }

    private static Result readResult(JsonNode h, byte[] frame, int body, long maxVoxels) {
        int[] c = Json.ints(h, "changed", 6);
        Box box = new Box(c[0], c[1], c[2], c[3], c[4], c[5]);
        box = box.isEmpty() ? Box.EMPTY : box;
        requireSize(box.voxelCount(), maxVoxels, "result");
        InteractionResult.Outcome outcome;
        try {
            outcome = InteractionResult.Outcome.valueOf(Json.string(h, "outcome"));
        } catch (IllegalArgumentException e) {
            throw new WorkerCodec.BadFrame("unknown outcome '" + Json.string(h, "outcome") + "'");
        }
        InteractionResult r = new InteractionResult(outcome, box, Json.string(h, "message"), Json.int32(h, "prompts"),
            Json.integer(h, "maskVoxels"), Json.int32(h, "windows"), Json.number(h, "modelMs"), Json.number(h, "totalMs"));
        byte[] voxels = Deflate.inflateBytes(frame, body, (int) box.voxelCount());
        return new Result(Json.integer(h, "id"), Json.integer(h, "handle"), r, voxels);
    }

    private static void requireSize(long voxels, long maxVoxels, String what) {
        if (voxels > Math.min(maxVoxels, Integer.MAX_VALUE - 8)) {
            throw new WorkerCodec.BadFrame(what + " of " + voxels + " voxels is larger than the limit of " + maxVoxels);
        }
    }

    private static ByteArrayOutputStream prefixed(ObjectNode header) {
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer prefix = ByteBuffer.allocate(WorkerProtocol.FRAME_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN)
            .put(WorkerProtocol.FRAME_MAGIC).put((byte) WorkerProtocol.VERSION).put((byte) 0).putShort((short) 0).putInt(json.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 4096);
        out.write(prefix.array(), 0, prefix.capacity());
        out.write(json, 0, json.length);
        return out;
    }
}
