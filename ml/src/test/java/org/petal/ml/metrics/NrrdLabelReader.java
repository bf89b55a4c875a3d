package org.petal.ml.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Test helper: reads a 3-D NRRD label map (raw or gzip; (un)signed char, short, unsigned short) in LPS space
 * into a {@link LabelVolume}. Only what the reference label maps need; negative labels are rejected.
 */
final class NrrdLabelReader {

    private NrrdLabelReader() {}

    static LabelVolume read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = headerEnd(bytes);
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.US_ASCII).split("\n")) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
            }
        }
        require(fields, "dimension", "3");
        require(fields, "space", "left-posterior-superior");
        String[] sizes = fields.get("sizes").split("\\s+");
        int nx = Integer.parseInt(sizes[0]), ny = Integer.parseInt(sizes[1]), nz = Integer.parseInt(sizes[2]);
        double[][] dirs = vectors(fields.get("space directions"));
        double[] origin = vectors(fields.get("space origin"))[0];
        double[] spacing = new double[3];
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            spacing[c] = Math.sqrt(dirs[c][0] * dirs[c][0] + dirs[c][1] * dirs[c][1] + dirs[c][2] * dirs[c][2]);
            for (int r = 0; r < 3; r++) {
                direction[r * 3 + c] = dirs[c][r] / spacing[c];
            }
        }
        VolumeGeometry geometry = new VolumeGeometry(nx, ny, nz, spacing, origin, direction);
        InputStream data = new ByteArrayInputStream(bytes, end, bytes.length - end);
        String encoding = fields.get("encoding");
        if (encoding.equals("gzip") || encoding.equals("gz")) {
            // GZIPInputStream stops at trailing bytes after the stream (the Iowa files end with a newline).
            data = new GZIPInputStream(data);
        } else if (!encoding.equals("raw")) {
            throw new IOException("unsupported NRRD encoding " + encoding);
        }
        byte[] raw = data.readAllBytes();
        short[] labels = new short[nx * ny * nz];
        String type = fields.get("type");
        ByteBuffer buffer = ByteBuffer.wrap(raw).order("big".equals(fields.get("endian")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < labels.length; n++) {
            int value = switch (type) {
                case "unsigned char", "uchar", "uint8" -> raw[n] & 0xFF;
                case "signed char", "char", "int8" -> raw[n];
                case "short", "int16", "signed short" -> buffer.getShort(2 * n);
                case "unsigned short", "ushort", "uint16" -> buffer.getShort(2 * n) & 0xFFFF;
                default -> throw new IOException("unsupported NRRD type " + type);
            };
            if (value < 0) {
                throw new IOException("negative label " + value + " in " + file);
            }
            labels[n] = (short) value;
        }
        return new LabelVolume(geometry, labels);
    }

    private static int headerEnd(byte[] bytes) throws IOException {
        for (int n = 0; n + 1 < bytes.length; n++) {
            if (bytes[n] == '\n' && bytes[n + 1] == '\n') {
                return n + 2;
            }
        }
        throw new IOException("no blank line ends the NRRD header");
    }

    private static void require(Map<String, String> fields, String key, String value) throws IOException {
        if (!value.equals(fields.get(key))) {
            throw new IOException("NRRD " + key + " is " + fields.get(key) + ", expected " + value);
        }
    }

    private static double[][] vectors(String text) {
        String[] parts = text.replace(" ", "").split("\\)\\(");
        double[][] out = new double[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            String[] xyz = parts[p].replace("(", "").replace(")", "").split(",");
            out[p] = new double[] {Double.parseDouble(xyz[0]), Double.parseDouble(xyz[1]), Double.parseDouble(xyz[2])};
        }
        return out;
    }
}
