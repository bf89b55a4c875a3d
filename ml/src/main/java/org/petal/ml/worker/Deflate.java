package org.petal.ml.worker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib deflate for the worker protocol's binary bodies. Fastest level: a click waits for these bytes, and
 * masks (long runs of 0 and 1) and PET backgrounds compress well even so. Floats are converted in chunks
 * so a whole-body volume never needs a second full-size byte copy.
 */
final class Deflate {

    private static final int CHUNK = 1 << 16;

    private Deflate() {}

    static void bytes(byte[] data, ByteArrayOutputStream out) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(data);
            d.finish();
            drain(d, out, new byte[CHUNK]);
        } finally {
            d.end();
        }
    }

    /** Float32 little-endian, deflated. */
    static void floats(float[] values, ByteArrayOutputStream out) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        byte[] buffer = new byte[CHUNK];
        try {
            for (int from = 0; from < values.length; from += CHUNK) {
                int n = Math.min(CHUNK, values.length - from);
                chunk.clear();
                chunk.asFloatBuffer().put(values, from, n);
                d.setInput(chunk.array(), 0, n * Float.BYTES);
                while (!d.needsInput()) {
                    out.write(buffer, 0, d.deflate(buffer));
                }
            }
            d.finish();
            drain(d, out, buffer);
        } finally {
            d.end();
        }
    }

    /** Exactly {@code expected} bytes, or {@link WorkerCodec.BadFrame}. */
    static byte[] inflateBytes(byte[] frame, int offset, int expected) {
        byte[] out = new byte[expected];
        Inflater inf = new Inflater();
        try {
            inf.setInput(frame, offset, frame.length - offset);
            int n = 0;
            while (n < expected && !inf.finished()) {
                int got = inf.inflate(out, n, expected - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += got;
            }
            requireExact(inf, n, expected);
            return out;
        } catch (DataFormatException e) {
            throw new WorkerCodec.BadFrame("binary body is not zlib deflate: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    /** Exactly {@code count} float32 little-endian values, or {@link WorkerCodec.BadFrame}. */
    static float[] inflateFloats(byte[] frame, int offset, int count) {
        float[] out = new float[count];
        byte[] chunk = new byte[CHUNK * Float.BYTES];
        ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        Inflater inf = new Inflater();
        try {
            inf.setInput(frame, offset, frame.length - offset);
            int floats = 0;
            while (floats < count) {
                int want = Math.min(CHUNK, count - floats) * Float.BYTES;
                int have = 0;
                while (have < want && !inf.finished()) {
                    int got = inf.inflate(chunk, have, want - have);
                    if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                    have += got;
                }
                if (have < want) {
                    throw new WorkerCodec.BadFrame("volume body ends after " + (floats + have / Float.BYTES) + " of " + count + " voxels");
                }
                view.clear();
                view.asFloatBuffer().get(out, floats, want / Float.BYTES);
                floats += want / Float.BYTES;
            }
            requireExact(inf, count * (long) Float.BYTES, count * (long) Float.BYTES);
            return out;
        } catch (DataFormatException e) {
            throw new WorkerCodec.BadFrame("binary body is not zlib deflate: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static void requireExact(Inflater inf, long got, long expected) throws DataFormatException {
        if (got < expected) {
            throw new WorkerCodec.BadFrame("binary body holds " + got + " bytes, its header promised " + expected);
        }
        byte[] one = new byte[1];
        // Reading on consumes the stream's end and checksum: a truncated body never finishes, a longer one yields bytes.
        while (!inf.finished() && !inf.needsInput() && !inf.needsDictionary()) {
            if (inf.inflate(one) > 0) {
                throw new WorkerCodec.BadFrame("binary body holds more than the " + expected + " bytes its header promised");
            }
        }
        if (!inf.finished()) {
            throw new WorkerCodec.BadFrame("binary body is truncated");
        }
    }

    private static void drain(Deflater d, ByteArrayOutputStream out, byte[] buffer) {
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
    }
}
