package org.petal.ml.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.petal.ml.volume.VolumeGeometry;

/** Builds the 352 bytes that start a little-endian single-file NIfTI-1: header plus empty extension flag. */
final class NiftiHeaderEncoder {

    /** Header (348) plus the 4-byte extension flag; the voxels start right after. */
    static final int VOX_OFFSET = 352;

    /** NIFTI_XFORM_SCANNER_ANAT: coordinates are the scanner's, which is what a PET grid carries. */
    static final short XFORM_SCANNER = 1;

    /** NIFTI_UNITS_MM in the spatial bits of xyzt_units. */
    private static final byte UNITS_MM = 2;

    private NiftiHeaderEncoder() {}

    static byte[] encode(VolumeGeometry g, NiftiDatatype type, String description) {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiHeaderParser.NIFTI1_SIZE);
        b.put(38, (byte) 'r'); // "regular", kept for ANALYZE readers
        short[] dim = {3, (short) g.nx(), (short) g.ny(), (short) g.nz(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, (short) type.code());
        b.putShort(72, (short) (8 * type.bytes()));

        double[] affine = g.rasAffine();
        double[] spacing = g.spacing();
        double[] q = NiftiAffines.quaternion(affine, spacing);
        b.putFloat(76, q == null ? 1f : (float) q[3]); // pixdim[0] = qfac
        for (int i = 0; i < 3; i++) {
            b.putFloat(80 + 4 * i, (float) spacing[i]);
        }
        b.putFloat(108, VOX_OFFSET);
        // Explicit identity scaling rather than 0: values on disk are the values meant.
        b.putFloat(112, 1f);
        b.putFloat(116, 0f);
        b.put(123, UNITS_MM);
        byte[] text = description.getBytes(StandardCharsets.US_ASCII);
        b.put(148, text, 0, Math.min(text.length, 79)); // keep a terminating NUL
        // A shearing affine has no quaternion form; then only the sform describes the grid.
        b.putShort(252, q == null ? 0 : XFORM_SCANNER);
        b.putShort(254, XFORM_SCANNER);
        if (q != null) {
            for (int i = 0; i < 3; i++) {
                b.putFloat(256 + 4 * i, (float) q[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            b.putFloat(268 + 4 * i, (float) affine[i * 4 + 3]);
        }
        for (int i = 0; i < 12; i++) {
            b.putFloat(280 + 4 * i, (float) affine[i]);
        }
        b.put(344, new byte[] {'n', '+', '1', 0});
        return b.array();
    }
}
