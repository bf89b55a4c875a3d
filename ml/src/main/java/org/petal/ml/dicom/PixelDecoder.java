package org.petal.ml.dicom;

import java.nio.ByteOrder;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;

/** Native (uncompressed) pixel data → float32, applying rescale and a scale factor on the way. */
final class PixelDecoder {

    private PixelDecoder() {}

    /**
     * Writes {@code ((stored × slope + intercept) × factor)} for each pixel of the slice into {@code dest}
     * starting at {@code offset}, in DICOM order (columns fastest), which is Petal's i-fastest order.
     */
    static void decodeInto(DicomFile file, PetSliceHeader h, float[] dest, int offset, double factor) throws InvalidImageException {
        DicomDataset d = file.dataset();
        DicomElement pixels = d.element(DicomTags.PIXEL_DATA);
        if (pixels == null) {
            throw new CorruptFileException(file.name() + ": PixelData (7FE0,0010) is missing");
        }
        int count = h.rows() * h.columns();
        int bytesPer = h.bitsAllocated() / 8;
        long needed = (long) count * bytesPer;
        if (pixels.length() < needed) {
            throw new CorruptFileException(file.name() + ": PixelData (7FE0,0010) holds " + pixels.length() + " bytes but Rows "
                + h.rows() + " × Columns " + h.columns() + " × " + bytesPer + " bytes need " + needed);
        }
        byte[] b = d.buffer();
        boolean little = d.order() == ByteOrder.LITTLE_ENDIAN;
        boolean signed = h.pixelRepresentation() == 1;
        int storedBits = h.bitsStored();
        long mask = storedBits >= 64 ? -1L : (1L << storedBits) - 1;
        long signBit = 1L << (storedBits - 1);
        double slope = h.rescaleSlope();
        double intercept = h.rescaleIntercept();
        int p = pixels.valueOffset();
        for (int n = 0; n < count; n++) {
            long raw;
            switch (bytesPer) {
                case 1 -> raw = b[p] & 0xFFL;
                case 2 -> raw = little ? (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 : (b[p + 1] & 0xFFL) | (b[p] & 0xFFL) << 8;
                default -> raw = little
                    ? (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24
                    : (b[p + 3] & 0xFFL) | (b[p + 2] & 0xFFL) << 8 | (b[p + 1] & 0xFFL) << 16 | (b[p] & 0xFFL) << 24;
            }
            p += bytesPer;
            // Only the low BitsStored bits are the value (high bits may hold overlays in old files).
            long value = raw & mask;
            if (signed && (value & signBit) != 0) {
                value -= 1L << storedBits;
            }
            dest[offset + n] = (float) ((value * slope + intercept) * factor);
        }
    }
}
