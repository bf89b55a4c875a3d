package org.petal.cases.slices;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A slice frame read back the way a client reads it, from the bytes alone (see docs/slices.md). */
record DecodedFrame(int version, int width, int height, float offset, float scale, float spacingU, float spacingV,
                    int unitCode, int kindCode, int[] levels) {

    static DecodedFrame decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("PSLC")) {
            throw new AssertionError("bad magic");
        }
        int version = Short.toUnsignedInt(b.getShort());
        int headerBytes = Short.toUnsignedInt(b.getShort());
        int width = b.getInt();
        int height = b.getInt();
        float offset = b.getFloat();
        float scale = b.getFloat();
        float su = b.getFloat();
        float sv = b.getFloat();
        int unit = Byte.toUnsignedInt(b.get());
        int kind = Byte.toUnsignedInt(b.get());
        b.position(headerBytes);
        if (b.remaining() != 2 * width * height) {
            throw new AssertionError("frame holds " + b.remaining() + " level bytes, header says " + 2 * width * height);
        }
        int[] levels = new int[width * height];
        for (int n = 0; n < levels.length; n++) {
            levels[n] = Short.toUnsignedInt(b.getShort());
        }
        return new DecodedFrame(version, width, height, offset, scale, su, sv, unit, kind, levels);
    }

    float value(int u, int v) {
        return offset + scale * levels[u + width * v];
    }

    float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (int l : levels) {
            m = Math.max(m, offset + scale * l);
        }
        return m;
    }
}
