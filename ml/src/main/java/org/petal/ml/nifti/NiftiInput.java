package org.petal.ml.nifti;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.VoxelBudget;

/**
 * The byte side of reading: opens a plain or gzip-compressed file, reads the header, skips to the voxels
 * and hands them out in chunks, translating every way the bytes can run out or be damaged into a
 * {@link CorruptFileException} that says what was expected.
 */
final class NiftiInput implements Closeable {

    /** Compressed-side buffer; large so the inflater is called with big blocks, not per 512 bytes. */
    static final int IO_BUFFER_BYTES = 256 * 1024;

    /** Receives one chunk of raw voxels; {@code raw} holds exactly {@code count} voxels from position 0. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(ByteBuffer raw, long firstVoxel, int count) throws IOException;
    }

    private final Path file;
    private final long fileSize;
    private final boolean gzip;
    private final InputStream in;
    /** Uncompressed bytes consumed so far. */
    private long position;
    /** Set when the gzip stream ended before its end-of-stream marker (the file was cut short). */
    private boolean gzipEndedEarly;

    private NiftiInput(Path file, long fileSize, boolean gzip, InputStream in) {
        this.file = file;
        this.fileSize = fileSize;
        this.gzip = gzip;
        this.in = in;
    }

    /** Opens {@code file}; gzip is recognised by its magic bytes, whatever the file is called. */
    static NiftiInput open(Path file) throws IOException {
        long size = Files.size(file);
        boolean gzip;
        try (InputStream probe = Files.newInputStream(file)) {
            byte[] magic = probe.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        }
        InputStream raw = Files.newInputStream(file);
        if (!gzip) {
            // Reads below are header-sized or chunk-sized, so no extra buffering layer is needed.
            return new NiftiInput(file, size, false, raw);
        }
        try {
            return new NiftiInput(file, size, true, new GZIPInputStream(raw, IO_BUFFER_BYTES));
        } catch (ZipException | EOFException e) {
            raw.close();
            throw new CorruptFileException("gzip stream is corrupt: its header cannot be read (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    NiftiHeader readHeader(VoxelBudget budget) throws IOException {
        byte[] first = new byte[4];
        int got = readUpTo(first, 0, 4);
        NiftiHeaderParser.Layout layout = NiftiHeaderParser.layout(first, got);
        byte[] bytes = new byte[layout.size()];
        System.arraycopy(first, 0, bytes, 0, 4);
        got = readUpTo(bytes, 4, bytes.length - 4);
        if (got < bytes.length - 4) {
            throw new CorruptFileException("file is truncated: the NIfTI-" + layout.version() + " header needs "
                + layout.size() + " bytes, got " + (4 + got) + endedEarlyNote());
        }
        NiftiHeader header = NiftiHeaderParser.parse(bytes, layout, budget);
        if (!gzip) {
            // An uncompressed file's length is known: reject short files before anything is allocated.
            long dataBytes = header.voxelCount() * header.datatype().bytes();
            if (header.voxOffset() > fileSize) {
                throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + header.voxOffset()
                    + " points beyond the end of the file (" + fileSize + " bytes)");
            }
            if (header.voxOffset() + dataBytes > fileSize) {
                throw new CorruptFileException("file is truncated: expected " + dataBytes + " bytes of voxel data, got "
                    + (fileSize - header.voxOffset()));
            }
        }
        return header;
    }

    /** Skips to the voxels and passes them to {@code consumer} in chunks of at most {@code chunkVoxels}. */
    void readVoxels(NiftiHeader header, int chunkVoxels, ChunkConsumer consumer) throws IOException {
        skipTo(header.voxOffset());
        int bytesPerVoxel = header.datatype().bytes();
        long total = header.voxelCount();
        long expectedBytes = total * bytesPerVoxel;
        int chunk = (int) Math.min(chunkVoxels, total);
        byte[] buffer = new byte[chunk * bytesPerVoxel];
        ByteBuffer raw = ByteBuffer.wrap(buffer).order(header.byteOrder());
        for (long first = 0; first < total; first += chunk) {
            int count = (int) Math.min(chunk, total - first);
            int want = count * bytesPerVoxel;
            int got = readUpTo(buffer, 0, want);
            if (got < want) {
                throw new CorruptFileException("file is truncated: expected " + expectedBytes + " bytes of voxel data, got "
                    + (first * bytesPerVoxel + got) + endedEarlyNote());
            }
            raw.clear().limit(want);
            consumer.accept(raw, first, count);
        }
        if (gzip) {
            verifyGzipEnd(buffer);
        }
    }

    /**
     * Reads whatever follows the voxels so GZIPInputStream checks the CRC and length trailer; damage that
     * happened to inflate into plausible bytes is caught here.
     */
    private void verifyGzipEnd(byte[] scratch) throws IOException {
        while (readUpTo(scratch, 0, scratch.length) == scratch.length) {
            // trailing bytes after the voxels are allowed by the standard and ignored
        }
        if (gzipEndedEarly) {
            throw new CorruptFileException("file is truncated: the gzip stream ends before its end marker" + " (" + file.getFileName() + ")");
        }
    }

    private void skipTo(long offset) throws IOException {
        byte[] scratch = new byte[(int) Math.min(64 * 1024, Math.max(1, offset - position))];
        while (position < offset) {
            int want = (int) Math.min(scratch.length, offset - position);
            if (readUpTo(scratch, 0, want) < want) {
                throw new CorruptFileException("NIfTI header is corrupt: vox_offset " + offset
                    + " points beyond the end of the data (" + position + " bytes)" + endedEarlyNote());
            }
        }
    }

    /**
     * Reads until {@code len} bytes arrived or the data ended; returns the count. A gzip stream that stops
     * without its trailer counts as ended (noted for the message); any other inflate error is corruption.
     */
    private int readUpTo(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len && !gzipEndedEarly) {
            int r;
            try {
                r = in.read(b, off + n, len - n);
            } catch (EOFException cut) {
                gzipEndedEarly = true;
                break;
            } catch (ZipException damaged) {
                throw new CorruptFileException("gzip stream is corrupt after " + (position + n)
                    + " uncompressed bytes (" + damaged.getMessage() + ")", damaged);
            }
            if (r < 0) {
                break;
            }
            n += r;
        }
        position += n;
        return n;
    }

    private String endedEarlyNote() {
        return gzipEndedEarly ? " (the gzip stream ends early: the file was cut short)" : "";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
