package org.petal.annotation;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A label map as stored and sent: one unsigned byte per voxel (label value 0–255) in the case's voxel
 * order (i fastest), compressed with zlib deflate — which browsers decompress natively
 * ({@code DecompressionStream("deflate")}).
 */
public final class LabelMapCodec {

    public static final String ENCODING = "deflate-u8";

    private LabelMapCodec() {}

    public static byte[] compress(byte[] labels) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(labels);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, labels.length / 50));
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /**
     * @param expectedLength voxels of the case: anything else is corrupt (or a forged payload) and refused
     */
    public static byte[] decompress(byte[] data, int expectedLength) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            byte[] out = new byte[expectedLength];
            int n = 0;
            while (n < expectedLength && !inf.finished()) {
                int got = inf.inflate(out, n, expectedLength - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != expectedLength || !inf.finished()) {
                throw new IllegalArgumentException("label map has " + (inf.finished() ? n : "more than " + n)
                    + " voxels, the case has " + expectedLength);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("label map is not deflate data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }
}
