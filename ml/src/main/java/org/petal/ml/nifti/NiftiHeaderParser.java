package org.petal.ml.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Turns the fixed-size header bytes into a validated {@link NiftiHeader}. Every check that can reject a
 * file runs here, before the reader allocates anything sized by the header.
 */
final class NiftiHeaderParser {

    static final int NIFTI1_SIZE = 348;
    static final int NIFTI2_SIZE = 540;

    private NiftiHeaderParser() {}

    /** The version and byte order announced by the first four bytes ({@code sizeof_hdr}). */
    record Layout(int version, int size, ByteOrder order) {}

    static Layout layout(byte[] first4, int available) throws CorruptFileException {
        if (available < 4) {
            throw new CorruptFileException("not a NIfTI file: it holds only " + available + " bytes");
        }
        // sizeof_hdr is the only field whose value is known in advance, so it tells the byte order too.
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = ByteBuffer.wrap(first4).order(order).getInt(0);
            if (size == NIFTI1_SIZE) {
                return new Layout(1, size, order);
            }
            if (size == NIFTI2_SIZE) {
                return new Layout(2, size, order);
            }
        }
        int le = ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        throw new CorruptFileException("not a NIfTI file: the header size field is " + le
            + " (a NIfTI-1 header starts with 348, NIfTI-2 with 540)");
    }

    static NiftiHeader parse(byte[] bytes, Layout layout, VoxelBudget budget) throws InvalidImageException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(layout.order());
        NiftiHeader.Fields f = layout.version() == 1 ? readNifti1(b) : readNifti2(b);
        f.version = layout.version();
        f.byteOrder = layout.order();
        return validate(f, layout, budget);
    }

    private static NiftiHeader.Fields readNifti1(ByteBuffer b) throws InvalidImageException {
        NiftiHeader.Fields f = new NiftiHeader.Fields();
        f.magic = text(b, 344, 4);
        if (f.magic.equals("ni1")) {
            throw new UnsupportedImageException("this is the header of a NIfTI .hdr/.img pair; Petal reads single-file"
                + " NIfTI only, please save the image as one .nii or .nii.gz");
        }
        if (!f.magic.equals("n+1")) {
            throw badMagic(b, 344, 4, f.magic, "n+1");
        }
        for (int i = 0; i < 8; i++) {
            f.dim[i] = b.getShort(40 + 2 * i);
            f.pixdim[i] = b.getFloat(76 + 4 * i);
        }
        f.intentCode = b.getShort(68);
        int datatype = b.getShort(70);
        f.bitpix = b.getShort(72);
        float offset = b.getFloat(108);
        if (!(offset >= 0) || offset != Math.rint(offset) || offset > Long.MAX_VALUE / 2) {
            throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + offset + " is not a byte position");
        }
        f.voxOffset = (long) offset;
        f.sclSlope = b.getFloat(112);
        f.sclInter = b.getFloat(116);
        f.xyztUnits = b.get(123) & 0xFF;
        f.description = text(b, 148, 80);
        f.qformCode = b.getShort(252);
        f.sformCode = b.getShort(254);
        f.quaternB = b.getFloat(256);
        f.quaternC = b.getFloat(260);
        f.quaternD = b.getFloat(264);
        for (int i = 0; i < 3; i++) {
            f.qoffset[i] = b.getFloat(268 + 4 * i);
        }
        for (int i = 0; i < 12; i++) {
            f.srow[i] = b.getFloat(280 + 4 * i);
        }
        f.datatype = NiftiDatatype.fromCode(datatype);
        return f;
    }

    private static NiftiHeader.Fields readNifti2(ByteBuffer b) throws InvalidImageException {
        NiftiHeader.Fields f = new NiftiHeader.Fields();
        f.magic = text(b, 4, 8);
        // The 8-byte NIfTI-2 magic is "n+2\0" followed by \r\n\032\n, which catches text-mode transfer damage.
        byte[] tail = new byte[4];
        b.get(8, tail);
        if (!f.magic.equals("n+2") || !Arrays.equals(tail, new byte[] {'\r', '\n', 0x1A, '\n'})) {
            throw badMagic(b, 4, 8, f.magic, "n+2");
        }
        int datatype = b.getShort(12);
        f.bitpix = b.getShort(14);
        for (int i = 0; i < 8; i++) {
            f.dim[i] = b.getLong(16 + 8 * i);
            f.pixdim[i] = b.getDouble(104 + 8 * i);
        }
        f.voxOffset = b.getLong(168);
        if (f.voxOffset < 0) {
            throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + f.voxOffset + " is negative");
        }
        f.sclSlope = b.getDouble(176);
        f.sclInter = b.getDouble(184);
        f.description = text(b, 240, 80);
        f.qformCode = b.getInt(344);
        f.sformCode = b.getInt(348);
        f.quaternB = b.getDouble(352);
        f.quaternC = b.getDouble(360);
        f.quaternD = b.getDouble(368);
        for (int i = 0; i < 3; i++) {
            f.qoffset[i] = b.getDouble(376 + 8 * i);
        }
        for (int i = 0; i < 12; i++) {
            f.srow[i] = b.getDouble(400 + 8 * i);
        }
        f.xyztUnits = b.getInt(500);
        f.intentCode = b.getInt(504);
        f.datatype = NiftiDatatype.fromCode(datatype);
        return f;
    }

    private static NiftiHeader validate(NiftiHeader.Fields f, Layout layout, VoxelBudget budget) throws InvalidImageException {
        long rank = f.dim[0];
        if (rank < 1 || rank > 7) {
            throw new CorruptFileException("NIfTI header is corrupt: dim[0] = " + rank + " must be the number of dimensions (1 to 7)");
        }
        for (int i = 1; i <= rank; i++) {
            if (f.dim[i] <= 0) {
                throw new CorruptFileException("NIfTI header is corrupt: dim[" + i + "] = " + f.dim[i] + " is not a positive size");
            }
        }
        for (int i = 4; i <= rank; i++) {
            if (f.dim[i] != 1) {
                throw new UnsupportedImageException("this NIfTI image has " + rank + " dimensions ("
                    + sizes(f.dim) + "); Petal reads a single 3D volume (a 4th dimension of size 1 is fine)");
            }
        }
        // Sizes beyond dim[0] are unused by the standard and often left as 0 or garbage: ignore them.
        long nx = f.dim[1];
        long ny = rank >= 2 ? f.dim[2] : 1;
        long nz = rank >= 3 ? f.dim[3] : 1;
        budget.check(nx, ny, nz, "NIfTI image");
        long dataBytes = nx * ny * nz * f.datatype.bytes();
        if (f.voxOffset < layout.size()) {
            if (f.voxOffset == 0) {
                // Some writers leave vox_offset at 0 in a single .nii; the data then follows the header and
                // its 4-byte extension flag (nibabel repairs it the same way).
                f.voxOffset = layout.size() + 4L;
            } else {
                throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + f.voxOffset
                    + " points inside the " + layout.size() + "-byte header");
            }
        }
        if (f.voxOffset > Long.MAX_VALUE - dataBytes) {
            throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + f.voxOffset + " is impossibly large");
        }
        return withGeometry(f, (int) nx, (int) ny, (int) nz);
    }

    private static NiftiHeader withGeometry(NiftiHeader.Fields f, int nx, int ny, int nz) throws CorruptFileException {
        NiftiHeader.GeometrySource source;
        double[] affine;
        if (f.sformCode > 0) {
            source = NiftiHeader.GeometrySource.SFORM;
            affine = NiftiAffines.sform(f.srow);
        } else {
            for (int i = 1; i <= 3; i++) {
                if (!(f.pixdim[i] > 0) || Double.isInfinite(f.pixdim[i])) {
                    throw new CorruptFileException("NIfTI header is corrupt: voxel size pixdim[" + i + "] = " + f.pixdim[i]
                        + " is not a positive number of millimetres");
                }
            }
            if (f.qformCode > 0) {
                source = NiftiHeader.GeometrySource.QFORM;
                affine = NiftiAffines.qform(f.quaternB, f.quaternC, f.quaternD, f.qoffset[0], f.qoffset[1], f.qoffset[2], f.pixdim);
            } else {
                source = NiftiHeader.GeometrySource.PIXDIM;
                affine = NiftiAffines.pixdimOnly(f.pixdim);
            }
        }
        for (double v : affine) {
            if (!Double.isFinite(v)) {
                throw new CorruptFileException("NIfTI header is corrupt: the " + source.name().toLowerCase() + " holds a non-finite number");
            }
        }
        VolumeGeometry geometry;
        try {
            geometry = VolumeGeometry.fromRasAffine(nx, ny, nz, affine);
        } catch (IllegalArgumentException degenerate) {
            throw new CorruptFileException("NIfTI header is corrupt: the " + source.name().toLowerCase()
                + " does not describe a usable voxel grid (" + degenerate.getMessage() + ")");
        }
        return new NiftiHeader(f, source, affine, geometry);
    }

    private static CorruptFileException badMagic(ByteBuffer b, int at, int length, String text, String expected) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(String.format("%02x", b.get(at + i) & 0xFF));
        }
        return new CorruptFileException("not a NIfTI file: magic \"" + printable(text) + "\" (bytes " + hex
            + ") where \"" + expected + "\" was expected");
    }

    private static String text(ByteBuffer b, int at, int length) {
        int end = 0;
        while (end < length && b.get(at + end) != 0) {
            end++;
        }
        byte[] raw = new byte[end];
        b.get(at, raw);
        return new String(raw, StandardCharsets.ISO_8859_1).trim();
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 32 && c < 127 ? String.valueOf(c) : "?");
        }
        return out.toString();
    }

    private static String sizes(long[] dim) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= dim[0]; i++) {
            s.append(i > 1 ? " x " : "").append(dim[i]);
        }
        return s.toString();
    }
}
