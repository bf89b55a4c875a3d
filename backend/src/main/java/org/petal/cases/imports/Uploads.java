package org.petal.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.petal.system.PetalProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The upload folder: an upload is streamed into {@code uploads/incoming-<uuid>.part} with its SHA-256
 * computed on the way and its size capped, then claimed by its job as {@code uploads/job-<id>/<name>}.
 * Everything a job writes besides the voxel store (the upload, an extracted DICOM folder) lives in its
 * job folder, so one delete cleans up after it.
 */
@Component
class Uploads {

    /** A received upload: the file, its SHA-256 (hex) and its size in bytes. */
    record Received(Path file, String sha256, long bytes) {}

    private static final int BUFFER = 256 * 1024;

    private final Path dir;
    private final long maxBytes;

    @Autowired
    Uploads(PetalProperties properties) {
        this(properties.uploadsDir(), properties.maxUpload().toBytes());
    }

    Uploads(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /**
     * Streams {@code content} to a new file. More than {@code petal.max-upload} bytes → the file is deleted
     * and {@link MaxUploadSizeExceededException} (413) thrown; the servlet container enforces the same limit
     * on multipart requests, this holds for any caller.
     */
    Received receive(InputStream content) throws IOException {
        Files.createDirectories(dir);
        Path part = dir.resolve("incoming-" + UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        long total = 0;
        try (InputStream in = new DigestInputStream(content, sha);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new MaxUploadSizeExceededException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return new Received(part, HexFormat.of().formatHex(sha.digest()), total);
    }

    /** Moves a received upload into its job's folder under {@code name} (a safe file name). */
    Path claim(Received upload, long jobId, String name) throws IOException {
        Path job = jobDir(jobId);
        Files.createDirectories(job);
        return Files.move(upload.file(), job.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    Path jobDir(long jobId) {
        return dir.resolve("job-" + jobId);
    }

    void deleteJobFiles(long jobId) {
        deleteQuietly(jobDir(jobId));
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: runs while cleaning up after a failure or a finished job
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
