package org.petal.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a zip without trusting it: every entry must land inside the target folder (no {@code ..}, no
 * absolute or drive paths: "zip slip"), and the entry count and the bytes actually written are capped
 * (zip bombs; declared sizes are checked first but can lie, so the copy counts too). Entries are read
 * through the central directory, the same list {@link #inspect} checks. Symbolic links are never created:
 * {@code java.util.zip} writes every entry as a plain file.
 */
final class SafeZip {

    /** @param maxEntries most entries (files and folders); @param maxBytes most bytes written in total */
    record Limits(int maxEntries, long maxBytes) {}

    private static final int BUFFER = 64 * 1024;

    private SafeZip() {}

    /** Checks names, entry count and declared sizes without writing anything: cheap enough for the request. */
    static void inspect(Path zip, Limits limits) throws IOException {
        Path root = Path.of("/extract-root");
        try (ZipFile z = open(zip)) {
            int count = 0;
            long declared = 0;
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                countEntry(++count, limits);
                target(root, entry.getName());
                declared += Math.max(0, entry.getSize());
                checkBytes(declared, limits);
            }
            if (count == 0) {
                throw new ArchiveRefusedException("the zip is empty");
            }
        }
    }

    /**
     * Extracts into {@code target}, which must not exist yet. On any failure the partly extracted folder is
     * deleted, so a refused archive leaves nothing behind.
     */
    static void extract(Path zip, Path target, Limits limits) throws IOException {
        Files.createDirectories(target.getParent());
        Files.createDirectory(target);
        try (ZipFile z = open(zip)) {
            Path root = target.toAbsolutePath().normalize();
            int count = 0;
            long written = 0;
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                countEntry(++count, limits);
                Path out = target(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(entry)) {
                    written = copy(in, out, written, limits, entry.getName());
                }
            }
        } catch (ZipException e) {
            Uploads.deleteQuietly(target);
            throw new ArchiveRefusedException("the zip is damaged: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Uploads.deleteQuietly(target);
            throw e;
        }
    }

    /** Where an entry goes; refuses names that would leave {@code root}. */
    static Path target(Path root, String name) throws ArchiveRefusedException {
        String n = name.replace('\\', '/');  // zips made on Windows may use either separator
        if (n.isEmpty() || n.indexOf('\0') >= 0) {
            throw new ArchiveRefusedException("the zip holds an entry with an empty or invalid name");
        }
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new ArchiveRefusedException("the zip entry '" + name + "' has an absolute path; refusing the archive");
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                throw traversal(name);
            }
        }
        Path out = root.resolve(n).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
            throw traversal(name);
        }
        return out;
    }

    private static ArchiveRefusedException traversal(String name) {
        return new ArchiveRefusedException("the zip entry '" + name + "' points outside the archive's folder"
            + " (path traversal); refusing the archive");
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new ArchiveRefusedException("the file is not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    private static long copy(InputStream in, Path out, long writtenBefore, Limits limits, String name) throws IOException {
        long written = writtenBefore;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                checkBytes(written, limits);
                os.write(buffer, 0, n);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ArchiveRefusedException("the zip holds '" + name + "' twice; refusing the archive");
        }
        return written;
    }

    private static void countEntry(int count, Limits limits) throws ArchiveRefusedException {
        if (count > limits.maxEntries()) {
            throw new ArchiveRefusedException("the zip holds more than " + limits.maxEntries() + " entries");
        }
    }

    private static void checkBytes(long bytes, Limits limits) throws ArchiveRefusedException {
        if (bytes > limits.maxBytes()) {
            throw new ArchiveRefusedException("the zip expands to more than " + limits.maxBytes()
                + " bytes (petal.imports.max-zip-bytes)");
        }
    }
}
