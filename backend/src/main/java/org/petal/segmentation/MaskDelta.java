package org.petal.segmentation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.petal.annotation.LabelMapCodec;
import org.petal.ml.segment.Box;

/**
 * A binary mask delta: one object's mask over a changed box. On the wire a fixed
 * {@value Protocol#DELTA_HEADER_BYTES}-byte little-endian header (offsets in {@link Protocol}) followed by
 * the box's voxels, one byte each (0/1), in box order ({@code i} fastest, then {@code j}, then {@code k}),
 * compressed with zlib deflate (browsers inflate it with {@code DecompressionStream("deflate")}).
 *
 * @param labelValue the object's label (voxel value in the label map)
 * @param objectId   the object within the sitting, as in {@code ready}
 * @param box        the changed box, half-open, in case voxel indices; never empty
 * @param voxels     0/1 per voxel of {@code box}
 */
public record MaskDelta(int labelValue, int objectId, Box box, byte[] voxels) {

    public MaskDelta {
        if (box.isEmpty() || voxels.length != box.voxelCount()) {
            throw new IllegalArgumentException("a delta needs a non-empty box and one byte per voxel of it");
        }
        if (labelValue < 0 || labelValue > 0xFFFF || objectId < 0) {
            throw new IllegalArgumentException("label 0..65535 and a non-negative object id");
        }
    }

    /** The frame: header, then deflated voxels. */
    public byte[] encode() {
        byte[] body = LabelMapCodec.compress(voxels);
        ByteBuffer b = ByteBuffer.allocate(Protocol.DELTA_HEADER_BYTES + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Protocol.DELTA_MAGIC)
            .put((byte) Protocol.VERSION)
            .put((byte) Protocol.DELTA_KIND_OBJECT_MASK)
            .putShort((short) labelValue)
            .putInt(objectId)
            .putInt(box.i0()).putInt(box.j0()).putInt(box.k0())
            .putInt(box.i1()).putInt(box.j1()).putInt(box.k1())
            .put(body);
        return b.array();
    }

    /**
     * Reads a frame (remote workers and tests read what {@link #encode()} wrote).
     *
     * @param maxVoxels the largest box accepted, so a forged header cannot make us allocate without bound
     */
    public static MaskDelta decode(byte[] frame, long maxVoxels) {
        if (frame.length < Protocol.DELTA_HEADER_BYTES
            || !Arrays.equals(frame, 0, 4, Protocol.DELTA_MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not a mask delta");
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int version = b.get(Protocol.DELTA_OFFSET_VERSION) & 0xFF;
        int kind = b.get(Protocol.DELTA_OFFSET_KIND) & 0xFF;
        if (version != Protocol.VERSION || kind != Protocol.DELTA_KIND_OBJECT_MASK) {
            throw new IllegalArgumentException("mask delta version " + version + " kind " + kind + " is not supported");
        }
        int label = b.getShort(Protocol.DELTA_OFFSET_LABEL) & 0xFFFF;
        int object = b.getInt(Protocol.DELTA_OFFSET_OBJECT);
        int o = Protocol.DELTA_OFFSET_BOX;
        Box box = new Box(b.getInt(o), b.getInt(o + 4), b.getInt(o + 8), b.getInt(o + 12), b.getInt(o + 16), b.getInt(o + 20));
        if (box.isEmpty() || box.voxelCount() > maxVoxels) {
            throw new IllegalArgumentException("mask delta box " + box + " is empty or larger than " + maxVoxels + " voxels");
        }
        byte[] body = Arrays.copyOfRange(frame, Protocol.DELTA_HEADER_BYTES, frame.length);
        return new MaskDelta(label, object, box, LabelMapCodec.decompress(body, Math.toIntExact(box.voxelCount())));
    }
}
