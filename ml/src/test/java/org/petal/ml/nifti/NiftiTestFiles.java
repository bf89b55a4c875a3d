package org.petal.ml.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/** Builders for small NIfTI files used by the tests: written by Petal, then patched by hand. */
final class NiftiTestFiles {

    private NiftiTestFiles() {}

    /** A permuted, flipped (left-handed) and rotated grid with non-trivial origin and spacing. */
    static VolumeGeometry obliqueGeometry(int nx, int ny, int nz) {
        double t = Math.toRadians(20);
        double c = Math.cos(t);
        double s = Math.sin(t);
        // columns: i rotated in the x-y plane, j = -z, k perpendicular to both; det = -1 (left-handed)
        double[] direction = {
            c, 0, s,
            s, 0, -c,
            0, -1, 0,
        };
        return new VolumeGeometry(nx, ny, nz, new double[] {2.0364, 2.0364, 3.27}, new double[] {-351.2, 120.75, -1020.5}, direction);
    }

    static PetVolume ramp(VolumeGeometry g) {
        float[] v = new float[(int) g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sin(i * 0.001) * 12.5 + (i % 97) * 0.03125);
        }
        return new PetVolume(g, v, PetUnit.BQ_PER_ML, null);
    }

    static Path resource(String name) {
        try {
            return Path.of(NiftiTestFiles.class.getResource("/nifti/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a small uncompressed float32 file with Petal's writer, then lets {@code patch} edit its bytes. */
    static Path patchedNii(Path dir, String name, Consumer<ByteBuffer> patch) throws IOException {
        Path file = dir.resolve(name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name);
        NiftiWriter.writePet(ramp(VolumeGeometry.axisAligned(4, 3, 2, 2, 2, 2, new double[3])), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        patch.accept(b);
        Files.delete(file);
        Path out = dir.resolve(name);
        Files.write(out, name.endsWith(".gz") ? gzip(bytes) : bytes);
        return out;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    /**
     * A hand-written NIfTI-2 header (540 bytes + 4-byte extension flag) with the given sizes, float32,
     * pixdim 1 mm and no transform codes, followed by {@code dataBytes} zero bytes.
     */
    static byte[] nifti2(ByteOrder order, long[] dim, int datatype, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(544 + dataBytes).order(order);
        b.putInt(0, 540);
        b.put(4, new byte[] {'n', '+', '2', 0, '\r', '\n', 0x1A, '\n'});
        b.putShort(12, (short) datatype);
        b.putShort(14, (short) 32);
        for (int i = 0; i < dim.length; i++) {
            b.putLong(16 + 8 * i, dim[i]);
        }
        for (int i = 0; i < 8; i++) {
            b.putDouble(104 + 8 * i, 1.0);
        }
        b.putLong(168, 544);
        return b.array();
    }
}
