package org.petal.ml.dicom;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.UnsupportedImageException;

/**
 * Parses a DICOM Part-10 file held in memory: 128-byte preamble, "DICM", the group 0002 meta information
 * (always Explicit VR Little Endian), then the main dataset in the declared transfer syntax.
 *
 * <p>Every element is walked, so nested sequences (icon image, referenced images, private sequences) are
 * parsed into their items and never confused with top-level attributes: the icon's own PixelData stays
 * inside the IconImageSequence item. Lengths are checked against the bytes left before they are used, so a
 * truncated or forged file ends in {@link CorruptFileException}, never in an out-of-bounds read or a huge
 * allocation. Values are not copied; {@link DicomDataset} reads them from the file buffer on demand.
 */
public final class DicomFileParser {

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** Explicit VRs whose length field is 4 bytes after 2 reserved bytes (PS3.5 §7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    /** Deeper nesting than this is not found in real images; a forged file must not overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private final byte[] buf;
    private final String name;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int pos;

    private DicomFileParser(byte[] buf, String name) {
        this.buf = buf;
        this.name = name;
    }

    /** Reads and parses a file. */
    public static DicomFile parse(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new UnsupportedImageException(file.getFileName() + ": " + size + " bytes is too large for one DICOM slice");
        }
        return parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** True when the bytes carry the Part-10 "DICM" marker after a 128-byte preamble. */
    public static boolean hasPart10Marker(byte[] bytes) {
        return bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M';
    }

    /** Parses an in-memory file; {@code name} is used in messages. */
    public static DicomFile parse(byte[] bytes, String name) throws InvalidImageException {
        if (!hasPart10Marker(bytes)) {
            throw new NotDicomException(name + " is not a DICOM Part-10 file: no \"DICM\" marker after the 128-byte preamble"
                + (bytes.length < 132 ? " (the file has only " + bytes.length + " bytes)" : ""));
        }
        return new DicomFileParser(bytes, name).parseFile();
    }

    private DicomFile parseFile() throws InvalidImageException {
        pos = 132;
        DicomDataset meta = new DicomDataset(buf, ByteOrder.LITTLE_ENDIAN, name);
        // The meta group is Explicit VR Little Endian whatever the dataset uses; it ends where group 0002 ends.
        while (pos + 4 <= buf.length && u16le(pos) == 0x0002) {
            readElement(meta, true, buf.length, 0);
        }
        String tsUid = meta.string(DicomTags.TRANSFER_SYNTAX_UID);
        if (tsUid == null) {
            throw new CorruptFileException(name + ": the file meta information has no TransferSyntaxUID (0002,0010)");
        }
        TransferSyntax ts = TransferSyntax.forUid(tsUid, name);
        int datasetOffset = pos;
        order = ts.byteOrder();
        DicomDataset dataset = new DicomDataset(buf, order, name);
        while (pos < buf.length) {
            readElement(dataset, ts.explicitVr(), buf.length, 0);
        }
        return new DicomFile(name, ts, meta, dataset, datasetOffset);
    }

    /** Reads one element at {@code pos} into {@code into}; returns its tag. */
    private int readElement(DicomDataset into, boolean explicit, int end, int depth) throws InvalidImageException {
        int start = pos;
        int tag = readTag(end);
        String vr;
        long length;
        if (isDelimiterOrItem(tag)) {
            vr = null;
            length = readU32(end);
        } else if (explicit) {
            need(2, end, tag);
            vr = new String(buf, pos, 2, StandardCharsets.US_ASCII);
            pos += 2;
            if (!Character.isUpperCase(vr.charAt(0)) || !Character.isUpperCase(vr.charAt(1))) {
                throw new CorruptFileException(name + ": element " + DicomTags.describe(tag) + " at byte " + start
                    + " has no valid VR ('" + vr + "'): the file is damaged or its transfer syntax is declared wrongly");
            }
            if (LONG_VRS.contains(vr)) {
                need(2, end, tag);
                pos += 2;
                length = readU32(end);
            } else {
                need(2, end, tag);
                length = u16(pos);
                pos += 2;
            }
        } else {
            vr = DicomTags.vrOf(tag);
            length = readU32(end);
        }
        if (isDelimiterOrItem(tag)) {
            throw new CorruptFileException(name + ": unexpected " + DicomTags.hex(tag) + " delimiter at byte " + start);
        }

        List<DicomDataset> items = List.of();
        int valueOffset = pos;
        int storedLength;
        if (length == UNDEFINED_LENGTH) {
            storedLength = -1;
            if (tag == DicomTags.PIXEL_DATA || (vr != null && !"SQ".equals(vr) && !"UN".equals(vr))) {
                // Encapsulated pixel data (only possible inside nested items here, e.g. an icon): skip fragments.
                skipItems(end, depth);
            } else {
                // SQ, or UN/implicit with undefined length, which PS3.5 says is a sequence in Implicit VR LE.
                boolean itemsExplicit = explicit && !"UN".equals(vr);
                items = readSequence(-1, end, itemsExplicit, depth + 1, tag);
            }
        } else {
            if (length > end - pos) {
                throw new CorruptFileException(name + ": element " + DicomTags.describe(tag) + " at byte " + start + " declares "
                    + length + " bytes but only " + (end - pos) + " remain: the file is truncated or damaged");
            }
            storedLength = (int) length;
            if ("SQ".equals(vr)) {
                items = readSequence(pos + storedLength, pos + storedLength, explicit, depth + 1, tag);
            } else {
                pos += storedLength;
            }
        }
        into.add(new DicomElement(tag, vr, valueOffset, storedLength, items));
        return tag;
    }

    /** Items until {@code definedEnd} (defined length) or the sequence delimiter (definedEnd = -1). */
    private List<DicomDataset> readSequence(int definedEnd, int end, boolean explicit, int depth, int sequenceTag)
        throws InvalidImageException {
        if (depth > MAX_DEPTH) {
            throw new CorruptFileException(name + ": sequences nested deeper than " + MAX_DEPTH + " levels");
        }
        List<DicomDataset> items = new ArrayList<>();
        while (true) {
            if (definedEnd >= 0 && pos >= definedEnd) {
                break;
            }
            int itemStart = pos;
            int tag = readTag(end);
            long length = readU32(end);
            if (tag == DicomTags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != DicomTags.ITEM) {
                throw new CorruptFileException(name + ": expected an item in " + DicomTags.describe(sequenceTag) + " at byte "
                    + itemStart + " but found " + DicomTags.hex(tag));
            }
            DicomDataset item = new DicomDataset(buf, order, name);
            if (length == UNDEFINED_LENGTH) {
                while (true) {
                    if (pos + 4 > end) {
                        throw new CorruptFileException(name + ": an item of " + DicomTags.describe(sequenceTag)
                            + " has no item delimiter: the file is truncated or damaged");
                    }
                    if (tagAt(pos) == DicomTags.ITEM_DELIMITATION) {
                        pos += 4;
                        readU32(end);
                        break;
                    }
                    readElement(item, explicit, end, depth);
                }
            } else {
                if (length > end - pos) {
                    throw new CorruptFileException(name + ": an item of " + DicomTags.describe(sequenceTag) + " declares " + length
                        + " bytes but only " + (end - pos) + " remain: the file is truncated or damaged");
                }
                int itemEnd = pos + (int) length;
                while (pos < itemEnd) {
                    readElement(item, explicit, itemEnd, depth);
                }
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    /** Skips encapsulated fragments up to and including the sequence delimiter. */
    private void skipItems(int end, int depth) throws InvalidImageException {
        while (true) {
            int tag = readTag(end);
            long length = readU32(end);
            if (tag == DicomTags.SEQUENCE_DELIMITATION) {
                return;
            }
            if (tag != DicomTags.ITEM || length == UNDEFINED_LENGTH || length > end - pos) {
                throw new CorruptFileException(name + ": damaged encapsulated data fragment at byte " + (pos - 8));
            }
            pos += (int) length;
        }
    }

    private static boolean isDelimiterOrItem(int tag) {
        return tag == DicomTags.ITEM || tag == DicomTags.ITEM_DELIMITATION || tag == DicomTags.SEQUENCE_DELIMITATION;
    }

    private int readTag(int end) throws CorruptFileException {
        if (pos + 4 > end) {
            throw new CorruptFileException(name + ": the file ends inside an element header at byte " + pos + ": truncated or damaged");
        }
        int tag = tagAt(pos);
        pos += 4;
        return tag;
    }

    private int tagAt(int p) {
        return (u16(p) << 16) | u16(p + 2);
    }

    private long readU32(int end) throws CorruptFileException {
        if (pos + 4 > end) {
            throw new CorruptFileException(name + ": the file ends inside an element header at byte " + pos + ": truncated or damaged");
        }
        long v = order == ByteOrder.LITTLE_ENDIAN
            ? (buf[pos] & 0xFFL) | (buf[pos + 1] & 0xFFL) << 8 | (buf[pos + 2] & 0xFFL) << 16 | (buf[pos + 3] & 0xFFL) << 24
            : (buf[pos + 3] & 0xFFL) | (buf[pos + 2] & 0xFFL) << 8 | (buf[pos + 1] & 0xFFL) << 16 | (buf[pos] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    private void need(int bytes, int end, int tag) throws CorruptFileException {
        if (pos + bytes > end) {
            throw new CorruptFileException(name + ": the file ends inside the header of " + DicomTags.describe(tag) + ": truncated or damaged");
        }
    }

    private int u16(int p) {
        return order == ByteOrder.LITTLE_ENDIAN ? (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8 : (buf[p + 1] & 0xFF) | (buf[p] & 0xFF) << 8;
    }

    private int u16le(int p) {
        return (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
    }
}
