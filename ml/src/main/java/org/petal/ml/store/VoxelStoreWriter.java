package org.petal.ml.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.petal.ml.io.AtomicFiles;
import org.petal.ml.io.VoxelSink;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Writes a voxel store from voxels streamed in storage order, computing the coronal and sagittal MIPs on
 * the way so they never need a second pass over the volume.
 *
 * <p>Everything goes into a hidden temporary sibling directory; {@link #commit()} renames it to the
 * target, {@link #close()} without commit deletes it. Non-finite voxels (NaN outside a scanner's field of
 * view) are stored as 0 and counted in the metadata.
 */
public final class VoxelStoreWriter implements VoxelSink, AutoCloseable {

    private final Path target;
    private final Path temp;
    private final VolumeGeometry geometry;
    private final PetUnit unit;
    private final SuvParameters suvParameters;
    private final String source;
    private final FileChannel channel;
    private ByteBuffer buffer;
    private final float[] mipCoronal;
    private final float[] mipSagittal;
    private final long voxelCount;
    private long received;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;
    private long nonFinite;
    private boolean committed;

    public VoxelStoreWriter(Path target, VolumeGeometry geometry, PetUnit unit, SuvParameters suvParameters, String source)
        throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a case store already exists there");
        }
        this.target = target;
        this.geometry = geometry;
        this.unit = unit;
        this.suvParameters = suvParameters;
        this.source = source;
        this.voxelCount = geometry.voxelCount();
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        this.temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".importing-");
        this.channel = FileChannel.open(temp.resolve(StoreFiles.PET), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.mipCoronal = filled(geometry.nx() * geometry.nz());
        this.mipSagittal = filled(geometry.ny() * geometry.nz());
    }

    /** Writes a whole in-memory volume and commits it. */
    public static VoxelStore write(PetVolume volume, Path target, String source) throws IOException {
        try (VoxelStoreWriter writer = new VoxelStoreWriter(target, volume.geometry(), volume.unit(),
            volume.suvParameters().orElse(null), source)) {
            float[] v = volume.voxels();
            int chunk = 1 << 20;
            for (int start = 0; start < v.length; start += chunk) {
                int n = Math.min(chunk, v.length - start);
                writer.accept(start, Arrays.copyOfRange(v, start, start + n), n);
            }
            writer.commit();
        }
        return VoxelStore.open(target);
    }

    @Override
    public void accept(long firstVoxel, float[] values, int count) throws IOException {
        if (firstVoxel != received) {
            throw new IllegalStateException("voxels must arrive in order: expected " + received + ", got " + firstVoxel);
        }
        if (received + count > voxelCount) {
            throw new IllegalStateException("more voxels than the geometry holds");
        }
        sanitizeAndTrackRange(values, count);
        accumulateMips(firstVoxel, values, count);
        writeRaw(values, count);
        received += count;
    }

    private void sanitizeAndTrackRange(float[] values, int count) {
        float lo = min;
        float hi = max;
        for (int n = 0; n < count; n++) {
            float f = values[n];
            if (!Float.isFinite(f)) {
                values[n] = f = 0f;
                nonFinite++;
            }
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        min = lo;
        max = hi;
    }

    /** Coronal MIP projects along j, sagittal along i; both indexed by k in their rows. */
    private void accumulateMips(long firstVoxel, float[] values, int count) {
        int nx = geometry.nx();
        int ny = geometry.ny();
        long rowIndex = firstVoxel / nx;
        int i = (int) (firstVoxel % nx);
        int j = (int) (rowIndex % ny);
        int k = (int) (rowIndex / ny);
        int n = 0;
        while (n < count) {
            int run = Math.min(nx - i, count - n);
            int coronalBase = nx * k;
            int sagittalIndex = j + ny * k;
            float rowMax = mipSagittal[sagittalIndex];
            for (int r = 0; r < run; r++) {
                float f = values[n + r];
                int c = coronalBase + i + r;
                if (f > mipCoronal[c]) {
                    mipCoronal[c] = f;
                }
                if (f > rowMax) {
                    rowMax = f;
                }
            }
            mipSagittal[sagittalIndex] = rowMax;
            n += run;
            i += run;
            if (i == nx) {
                i = 0;
                if (++j == ny) {
                    j = 0;
                    k++;
                }
            }
        }
    }

    private void writeRaw(float[] values, int count) throws IOException {
        if (buffer == null || buffer.capacity() < count * 4) {
            buffer = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        buffer.asFloatBuffer().put(values, 0, count);
        buffer.limit(count * 4);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Finishes the files and moves the store into place; fails if not every voxel arrived. */
    public void commit() throws IOException {
        if (received != voxelCount) {
            throw new IllegalStateException("store incomplete: " + received + " of " + voxelCount + " voxels written");
        }
        channel.close();
        writeFloats(temp.resolve(StoreFiles.MIP_CORONAL), mipCoronal);
        writeFloats(temp.resolve(StoreFiles.MIP_SAGITTAL), mipSagittal);
        StoreMetadata metadata = StoreMetadata.of(geometry, unit, suvParameters, min, max, source, nonFinite);
        StoreFiles.JSON.writeValue(temp.resolve(StoreFiles.METADATA).toFile(), metadata);
        AtomicFiles.makeReadable(temp, true);
        // Only a directory rename makes the case visible; target was checked not to exist.
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            StoreFiles.deleteRecursively(temp);
        }
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NEGATIVE_INFINITY);
        return a;
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array(), StandardOpenOption.CREATE_NEW);
    }
}
