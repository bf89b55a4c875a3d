package org.petal.ml.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.petal.ml.io.CorruptFileException;

/**
 * The elements of one dataset (the main dataset or a sequence item) over the bytes of the file they came
 * from. Accessors return null for absent or empty values and throw {@link CorruptFileException} for values
 * that cannot be what their VR says (e.g. a DS that is not a number).
 *
 * <p>Text is decoded as ISO-8859-1, which is exact for the ASCII-only VRs read here (CS, DS, IS, UI, DA,
 * TM, DT) and good enough for private creator strings.
 */
public final class DicomDataset {

    private final byte[] buffer;
    private final ByteOrder order;
    private final String fileName;
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

    DicomDataset(byte[] buffer, ByteOrder order, String fileName) {
        this.buffer = buffer;
        this.order = order;
        this.fileName = fileName;
    }

    byte[] buffer() {
        return buffer;
    }

    ByteOrder order() {
        return order;
    }

    String fileName() {
        return fileName;
    }

    void add(DicomElement element) {
        elements.put(element.tag(), element);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public DicomElement element(int tag) {
        return elements.get(tag);
    }

    public Map<Integer, DicomElement> elements() {
        return Collections.unmodifiableMap(elements);
    }

    /** Items of a sequence, empty when absent. */
    public List<DicomDataset> items(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }

    /** The whole value as text with trailing blanks/NULs and leading blanks removed; null if absent or empty. */
    public String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() <= 0) {
            return null;
        }
        String s = trim(new String(buffer, e.valueOffset(), e.length(), StandardCharsets.ISO_8859_1));
        return s.isEmpty() ? null : s;
    }

    /** A multi-valued text attribute split on backslash; empty list when absent. */
    public List<String> strings(int tag) {
        String s = string(tag);
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split("\\\\", -1)) {
            out.add(trim(part));
        }
        return out;
    }

    /** The first value of a numeric attribute (DS, IS or a binary VR), or null. */
    public Double number(int tag) throws CorruptFileException {
        double[] values = numbers(tag);
        return values.length == 0 ? null : values[0];
    }

    /** All values of a numeric attribute; empty when absent. */
    public double[] numbers(int tag) throws CorruptFileException {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() <= 0) {
            return new double[0];
        }
        String vr = e.vr() != null ? e.vr() : DicomTags.vrOf(tag);
        if (vr == null || "UN".equals(vr)) {
            vr = guessNumericVr(e);
        }
        ByteBuffer b = ByteBuffer.wrap(buffer, e.valueOffset(), e.length()).slice().order(order);
        int n;
        double[] out;
        switch (vr) {
            case "US", "SS" -> {
                n = e.length() / 2;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    short v = b.getShort(i * 2);
                    out[i] = "US".equals(vr) ? (v & 0xFFFF) : v;
                }
            }
            case "UL", "SL" -> {
                n = e.length() / 4;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    int v = b.getInt(i * 4);
                    out[i] = "UL".equals(vr) ? (v & 0xFFFFFFFFL) : v;
                }
            }
            case "FL" -> {
                n = e.length() / 4;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getFloat(i * 4);
                }
            }
            case "FD" -> {
                n = e.length() / 8;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getDouble(i * 8);
                }
            }
            default -> {
                List<String> parts = strings(tag);
                out = new double[parts.size()];
                for (int i = 0; i < out.length; i++) {
                    try {
                        out[i] = Double.parseDouble(parts.get(i));
                    } catch (NumberFormatException ex) {
                        throw new CorruptFileException(fileName + ": " + DicomTags.describe(tag) + " should hold numbers but holds '"
                            + string(tag) + "'");
                    }
                }
            }
        }
        return out;
    }

    /** First value as an int, or null. */
    public Integer integer(int tag) throws CorruptFileException {
        Double d = number(tag);
        return d == null ? null : (int) Math.round(d);
    }

    /**
     * Resolves a private attribute: finds the block whose creator (gggg,00xx) equals {@code creator} and
     * returns the element (gggg,xxNN) with NN = {@code offset}; null when the block or element is absent.
     */
    public DicomElement privateElement(int group, String creator, int offset) {
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = (group << 16) | block;
            DicomElement c = elements.get(creatorTag);
            if (c != null && creator.equals(string(creatorTag))) {
                return elements.get((group << 16) | (block << 8) | offset);
            }
        }
        return null;
    }

    /** The private attribute's first numeric value (DS text, or FD/FL binary), or null. */
    public Double privateNumber(int group, String creator, int offset) throws CorruptFileException {
        DicomElement e = privateElement(group, creator, offset);
        return e == null ? null : number(e.tag());
    }

    public String privateString(int group, String creator, int offset) {
        DicomElement e = privateElement(group, creator, offset);
        return e == null ? null : string(e.tag());
    }

    /** Private tags in Implicit VR carry no VR: text if it looks like a decimal string, else by width. */
    private String guessNumericVr(DicomElement e) {
        boolean text = true;
        for (int i = 0; i < e.length(); i++) {
            byte c = buffer[e.valueOffset() + i];
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' || c == ' ' || c == '\\' || c == 0)) {
                text = false;
                break;
            }
        }
        if (text) {
            return "DS";
        }
        return e.length() % 8 == 0 ? "FD" : e.length() % 4 == 0 ? "FL" : "DS";
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(start, end);
    }
}
