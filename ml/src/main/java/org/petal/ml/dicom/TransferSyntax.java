package org.petal.ml.dicom;

import java.nio.ByteOrder;
import java.util.Map;
import org.petal.ml.io.UnsupportedImageException;

/**
 * The uncompressed transfer syntaxes Petal decodes. Everything else (JPEG, JPEG-LS, JPEG 2000, RLE, deflate,
 * video) is refused with {@link UnsupportedImageException} naming the syntax, so the user knows to export
 * uncompressed.
 *
 * @param uid        the transfer syntax UID
 * @param name       its DICOM name
 * @param explicitVr whether each element states its VR
 * @param byteOrder  byte order of lengths and binary values
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, ByteOrder byteOrder) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
        new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, ByteOrder.LITTLE_ENDIAN);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
        new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, ByteOrder.LITTLE_ENDIAN);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
        new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, ByteOrder.BIG_ENDIAN);

    /** Names of the syntaxes we recognise but refuse, for the error message. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
        Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
        Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
        Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
        Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
        Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
        Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
        Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
        Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
        Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
        Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless"),
        Map.entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 RPCL Lossless"),
        Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
        Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    /** The syntax for a UID, or UnsupportedImageException naming it. */
    public static TransferSyntax forUid(String uid, String file) throws UnsupportedImageException {
        if (uid == null) {
            throw new UnsupportedImageException(file + ": TransferSyntaxUID (0002,0010) is missing from the file meta information");
        }
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN}) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        String name = REFUSED.getOrDefault(uid, uid.startsWith("1.2.840.10008.1.2.4.") ? "a compressed (JPEG family or video) syntax"
            : "an unknown syntax");
        throw new UnsupportedImageException(file + ": transfer syntax " + name + " (" + uid + ") is not supported; "
            + "export the series uncompressed (Explicit or Implicit VR Little Endian)");
    }
}
