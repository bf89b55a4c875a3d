package org.petal.cases.slices;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A volume frame read back the way a client reads it, from the bytes alone (see docs/slices.md). */
record DecodedVolume(int version, int mx, int my, int mz, float[] spacing, float offset, float scale, int[] factors,
                     int unitCode, int reduction, int[] levels) {

    static DecodedVolume decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("PVOL")) {
            throw new AssertionError("bad magic");
        }
        int version = Short.toUnsignedInt(b.getShort());
        int headerBytes = Short.toUnsignedInt(b.getShort());
        int mx = b.getInt();
        int my = b.getInt();
        int mz = b.getInt();
        float[] spacing = {b.getFloat(), b.getFloat(), b.getFloat()};
        float offset = b.getFloat();
        float scale = b.getFloat();
        int[] factors = {Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort()),
            Short.toUnsignedInt(b.getShort())};
        int unit = Byte.toUnsignedInt(b.get());
        int reduction = Byte.toUnsignedInt(b.get());
        b.position(headerBytes);
        int count = mx * my * mz;
        if (b.remaining() != 2 * count) {
            throw new AssertionError("frame holds " + b.remaining() + " level bytes, header says " + 2 * count);
        }
        int[] levels = new int[count];
        for (int n = 0; n < count; n++) {
            levels[n] = Short.toUnsignedInt(b.getShort());
        }
        return new DecodedVolume(version, mx, my, mz, spacing, offset, scale, factors, unit, reduction, levels);
    }

    float value(int a, int b, int c) {
        return offset + scale * levels[a + mx * (b + my * c)];
    }
}
