package org.petal.ml.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.petal.ml.io.AtomicFiles;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Writes little-endian single-file NIfTI-1: {@code .nii}, or gzip-compressed when the name ends in
 * {@code .nii.gz}. The geometry goes into both the sform and, when the grid does not shear, the qform
 * (quaternion with qfac for left-handed grids), each with code 1 (scanner). Scaling is identity.
 *
 * <p>Writes are atomic: the file is written to a temporary file in the target directory and moved into
 * place only when complete, so readers see the old file or the whole new one, and a failure leaves nothing.
 */
public final class NiftiWriter {

    /** Fast deflate: PET compresses little better at higher levels but takes several times longer. */
    static final int GZIP_LEVEL = Deflater.BEST_SPEED;

    private static final int OUT_BUFFER_BYTES = 256 * 1024;
    private static final int CHUNK_VOXELS = 1 << 18;

    private NiftiWriter() {}

    /** Writes float32 voxels as they are (no scaling). */
    public static void writePet(PetVolume volume, Path file) throws IOException {
        float[] voxels = volume.voxels();
        writeAtomically(file, volume.geometry(), NiftiDatatype.FLOAT32, "Petal PET, " + volume.unit().label(), out -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VOXELS * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int first = 0; first < voxels.length; first += CHUNK_VOXELS) {
                int count = Math.min(CHUNK_VOXELS, voxels.length - first);
                chunk.clear();
                chunk.asFloatBuffer().put(voxels, first, count);
                out.write(chunk.array(), 0, count * 4);
            }
        });
    }

    /** Writes uint8 when every label is at most 255, else uint16. */
    public static void writeLabels(LabelVolume labels, Path file) throws IOException {
        short[] values = labels.labels();
        boolean bytes = labels.dataType() == LabelVolume.DataType.UINT8;
        NiftiDatatype type = bytes ? NiftiDatatype.UINT8 : NiftiDatatype.UINT16;
        writeAtomically(file, labels.geometry(), type, "Petal labels", out -> {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VOXELS * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            byte[] array = chunk.array();
            for (int first = 0; first < values.length; first += CHUNK_VOXELS) {
                int count = Math.min(CHUNK_VOXELS, values.length - first);
                if (bytes) {
                    for (int i = 0; i < count; i++) {
                        array[i] = (byte) values[first + i];
                    }
                } else {
                    chunk.clear();
                    chunk.asShortBuffer().put(values, first, count); // unsigned bits are kept as they are
                }
                out.write(array, 0, count * type.bytes());
            }
        });
    }

    @FunctionalInterface
    private interface VoxelWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, VolumeGeometry geometry, NiftiDatatype type, String description,
                                        VoxelWriter voxels) throws IOException {
        String name = file.getFileName().toString();
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw new IllegalArgumentException("NIfTI file name must end in .nii or .nii.gz: " + file);
        }
        checkFitsNifti1(geometry);
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = open(tmp, gzip)) {
                out.write(NiftiHeaderEncoder.encode(geometry, type, description));
                voxels.write(out);
            }
        });
    }

    private static OutputStream open(Path tmp, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(tmp);
        if (!gzip) {
            return new BufferedOutputStream(raw, OUT_BUFFER_BYTES);
        }
        return new GZIPOutputStream(raw, OUT_BUFFER_BYTES) {
            {
                def.setLevel(GZIP_LEVEL); // GZIPOutputStream has no level parameter; set it before any data
            }
        };
    }

    /** NIfTI-1 stores sizes as int16. */
    private static void checkFitsNifti1(VolumeGeometry g) {
        if (g.nx() > Short.MAX_VALUE || g.ny() > Short.MAX_VALUE || g.nz() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 sizes are limited to 32767 per axis: " + g);
        }
    }
}
