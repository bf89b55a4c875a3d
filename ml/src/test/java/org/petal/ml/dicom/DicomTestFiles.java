package org.petal.ml.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Makes damaged or altered copies of real DICOM files inside a test's temporary folder. */
final class DicomTestFiles {

    private DicomTestFiles() {}

    static List<Path> dicomFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    static void copyAll(List<Path> files, Path into) throws IOException {
        Files.createDirectories(into);
        for (Path f : files) {
            Files.copy(f, into.resolve(f.getFileName()));
        }
    }

    /** Keeps only the first half of the bytes. */
    static void truncateInHalf(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 2));
    }

    /** Overwrites the (two-character) Modality value in place, e.g. PT → CT. */
    static void patchModality(Path file, String twoLetters) throws Exception {
        byte[] b = Files.readAllBytes(file);
        DicomElement modality = DicomFileParser.parse(b, file.getFileName().toString()).dataset().element(DicomTags.MODALITY);
        byte[] value = twoLetters.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(value, 0, b, modality.valueOffset(), 2);
        Files.write(file, b);
    }

    /**
     * Rewrites the file meta information with another TransferSyntaxUID and keeps the dataset bytes as they
     * are: a well-formed header that declares a syntax the dataset is not in (enough to test refusal).
     */
    static void replaceTransferSyntax(Path file, String uid) throws Exception {
        byte[] b = Files.readAllBytes(file);
        DicomFile parsed = DicomFileParser.parse(b, file.getFileName().toString());
        byte[] tsValue = (uid.length() % 2 == 0 ? uid : uid + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream element = new ByteArrayOutputStream();
        element.write(explicitShortHeader(0x0002, 0x0010, "UI", tsValue.length));
        element.write(tsValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        out.write(explicitShortHeader(0x0002, 0x0000, "UL", 4));
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(element.size()).array());
        out.write(element.toByteArray());
        out.write(b, parsed.datasetOffset(), b.length - parsed.datasetOffset());
        Files.write(file, out.toByteArray());
    }

    private static byte[] explicitShortHeader(int group, int element, String vr, int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group).putShort((short) element)
            .put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) length).array();
    }
}
