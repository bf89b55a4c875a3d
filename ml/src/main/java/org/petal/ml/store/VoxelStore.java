package org.petal.ml.store;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Read access to a stored case through memory-mapped files. Thread-safe: every read uses absolute
 * positions, so one open store can serve many concurrent requests. The operating system's page cache is
 * the only full copy of the voxels; each request allocates just the slice it returns.
 */
public final class VoxelStore {

    /** Mapped regions hold whole axial slices and stay under 1 GiB (a mapping is limited to 2 GiB). */
    private static final long MAX_REGION_BYTES = 1L << 30;

    private final Path directory;
    private final StoreMetadata metadata;
    private final VolumeGeometry geometry;
    private final FloatBuffer[] regions;
    private final int slicesPerRegion;
    private final int sliceSize;
    private final FloatBuffer mipCoronal;
    private final FloatBuffer mipSagittal;

    private VoxelStore(Path directory, StoreMetadata metadata) throws IOException {
        this.directory = directory;
        this.metadata = metadata;
        this.geometry = metadata.geometry();
        this.sliceSize = geometry.nx() * geometry.ny();
        this.slicesPerRegion = (int) Math.max(1, MAX_REGION_BYTES / (4L * sliceSize));
        int nz = geometry.nz();
        this.regions = new FloatBuffer[(nz + slicesPerRegion - 1) / slicesPerRegion];
        try (FileChannel channel = FileChannel.open(directory.resolve(StoreFiles.PET), StandardOpenOption.READ)) {
            long expected = 4L * sliceSize * nz;
            if (channel.size() != expected) {
                throw new CorruptFileException("voxel store " + directory + " is damaged: " + StoreFiles.PET + " holds "
                    + channel.size() + " bytes, expected " + expected);
            }
            for (int r = 0; r < regions.length; r++) {
                long first = (long) r * slicesPerRegion;
                long slices = Math.min(slicesPerRegion, nz - first);
                regions[r] = map(channel, first * sliceSize * 4, slices * sliceSize * 4);
            }
        }
        this.mipCoronal = mapWhole(directory.resolve(StoreFiles.MIP_CORONAL), (long) geometry.nx() * nz);
        this.mipSagittal = mapWhole(directory.resolve(StoreFiles.MIP_SAGITTAL), (long) geometry.ny() * nz);
    }

    public static VoxelStore open(Path directory) throws IOException {
        Path json = directory.resolve(StoreFiles.METADATA);
        if (!Files.isRegularFile(json)) {
            throw new CorruptFileException("no voxel store at " + directory + " (" + StoreFiles.METADATA + " missing)");
        }
        StoreMetadata metadata = StoreFiles.JSON.readValue(json.toFile(), StoreMetadata.class);
        if (metadata.formatVersion() != StoreMetadata.CURRENT_FORMAT) {
            throw new CorruptFileException("voxel store " + directory + " has format " + metadata.formatVersion()
                + ", this Petal reads format " + StoreMetadata.CURRENT_FORMAT + "; re-import the case");
        }
        return new VoxelStore(directory, metadata);
    }

    public Path directory() { return directory; }
    public StoreMetadata metadata() { return metadata; }
    public VolumeGeometry geometry() { return geometry; }

    public float value(int i, int j, int k) {
        return region(k).get(offsetInRegion(i, j, k));
    }

    /** Axial slice k: {@code [i + nx*j]}. */
    public SliceImage axial(int k) {
        checkIndex(k, geometry.nz(), "axial slice");
        float[] out = new float[sliceSize];
        region(k).get(offsetInRegion(0, 0, k), out);
        return new SliceImage(geometry.nx(), geometry.ny(), out, geometry.spacing(0), geometry.spacing(1));
    }

    /** Coronal slice j: {@code [i + nx*k]}. */
    public SliceImage coronal(int j) {
        checkIndex(j, geometry.ny(), "coronal slice");
        int nx = geometry.nx();
        int nz = geometry.nz();
        float[] out = new float[nx * nz];
        for (int k = 0; k < nz; k++) {
            region(k).get(offsetInRegion(0, j, k), out, nx * k, nx);
        }
        return new SliceImage(nx, nz, out, geometry.spacing(0), geometry.spacing(2));
    }

    /** Sagittal slice i: {@code [j + ny*k]}. */
    public SliceImage sagittal(int i) {
        checkIndex(i, geometry.nx(), "sagittal slice");
        int ny = geometry.ny();
        int nz = geometry.nz();
        float[] out = new float[ny * nz];
        for (int k = 0; k < nz; k++) {
            FloatBuffer region = region(k);
            int base = offsetInRegion(i, 0, k);
            int nx = geometry.nx();
            int row = ny * k;
            for (int j = 0; j < ny; j++) {
                out[row + j] = region.get(base + nx * j);
            }
        }
        return new SliceImage(ny, nz, out, geometry.spacing(1), geometry.spacing(2));
    }

    /** Maximum along j (anterior–posterior for an axial acquisition): {@code [i + nx*k]}; precomputed at import. */
    public SliceImage coronalMip() {
        float[] out = new float[geometry.nx() * geometry.nz()];
        mipCoronal.get(0, out);
        return new SliceImage(geometry.nx(), geometry.nz(), out, geometry.spacing(0), geometry.spacing(2));
    }

    /** Maximum along i (left–right): {@code [j + ny*k]}; precomputed at import. */
    public SliceImage sagittalMip() {
        float[] out = new float[geometry.ny() * geometry.nz()];
        mipSagittal.get(0, out);
        return new SliceImage(geometry.ny(), geometry.nz(), out, geometry.spacing(1), geometry.spacing(2));
    }

    /** A MIP seen from {@code angleDegrees} about the k axis; see {@link RotatingMip}. */
    public SliceImage rotatingMip(double angleDegrees) {
        return RotatingMip.project(this, angleDegrees);
    }

    /** Copies one row of nx voxels (fixed j, k) into {@code dst}; used by projections. */
    void readRow(int j, int k, float[] dst) {
        region(k).get(offsetInRegion(0, j, k), dst, 0, geometry.nx());
    }

    /** Reads the whole volume onto the heap (for engines that need random access to every voxel). */
    public PetVolume readVolume() {
        float[] all = new float[Math.toIntExact(geometry.voxelCount())];
        for (int k = 0; k < geometry.nz(); k++) {
            region(k).get(offsetInRegion(0, 0, k), all, sliceSize * k, sliceSize);
        }
        return new PetVolume(geometry, all, metadata.unit(), metadata.suvParameters());
    }

    private FloatBuffer region(int k) {
        return regions[k / slicesPerRegion];
    }

    private int offsetInRegion(int i, int j, int k) {
        return i + geometry.nx() * j + sliceSize * (k % slicesPerRegion);
    }

    private static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(what + " " + index + " outside 0.." + (size - 1));
        }
    }

    private static FloatBuffer map(FileChannel channel, long position, long bytes) throws IOException {
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, position, bytes);
        return mapped.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private static FloatBuffer mapWhole(Path file, long floats) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != floats * 4) {
                throw new CorruptFileException("voxel store file " + file + " is damaged: " + channel.size()
                    + " bytes, expected " + floats * 4);
            }
            return map(channel, 0, floats * 4);
        }
    }
}
