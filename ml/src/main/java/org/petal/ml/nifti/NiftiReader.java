package org.petal.ml.nifti;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.io.VoxelSink;
import org.petal.ml.volume.LabelVolume;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;

/**
 * Reads single-file NIfTI-1 and NIfTI-2 volumes ({@code .nii}, or gzip-compressed {@code .nii.gz})
 * into Petal volumes. See the package documentation for what is supported and how the geometry is chosen.
 *
 * <p>Every method validates the whole header, including the voxel budget, before allocating anything
 * sized by it. Failures are {@link org.petal.ml.io.InvalidImageException} subclasses whose messages are
 * meant for the user who supplied the file. Instances are immutable and thread-safe.
 */
public final class NiftiReader {

    /** Voxels per chunk when streaming: 1 Mi voxels (4 MiB as float32). */
    public static final int CHUNK_VOXELS = 1 << 20;

    private final VoxelBudget budget;

    public NiftiReader(VoxelBudget budget) {
        this.budget = Objects.requireNonNull(budget);
    }

    /** Reads and validates the header only; the voxels are not read (a .nii.gz is inflated just past the header). */
    public NiftiHeader readHeader(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            return in.readHeader(budget);
        }
    }

    /**
     * Reads the volume as float32 with {@code scl_slope/scl_inter} applied.
     *
     * @param declaredUnit what the values mean, as declared by the user (NIfTI does not say); for
     *                     {@link PetUnit#SUV_BW} the volume records that the SUV scale was declared, not computed
     */
    public PetVolume readPet(Path file, PetUnit declaredUnit) throws IOException {
        Objects.requireNonNull(declaredUnit);
        try (NiftiInput in = NiftiInput.open(file)) {
            NiftiHeader header = in.readHeader(budget);
            float[] voxels = new float[Math.toIntExact(header.voxelCount())];
            VoxelDecoder decoder = new VoxelDecoder(header);
            in.readVoxels(header, CHUNK_VOXELS, (raw, first, count) -> decoder.toFloats(raw, voxels, (int) first, count));
            SuvParameters suv = declaredUnit == PetUnit.SUV_BW
                ? SuvParameters.declaredSuv("NIfTI " + file.getFileName() + " declared SUVbw at import")
                : null;
            return new PetVolume(header.geometry(), voxels, declaredUnit, suv);
        }
    }

    /**
     * Reads a label image or mask. Integer datatypes and float masks are accepted when every scaled value
     * is a whole number (within 1e-3) in 0..65535; anything else, e.g. a probability map, is rejected
     * with an {@link org.petal.ml.io.InvalidImageException} naming the first offending voxel.
     */
    public LabelVolume readLabels(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            NiftiHeader header = in.readHeader(budget);
            short[] labels = new short[Math.toIntExact(header.voxelCount())];
            VoxelDecoder decoder = new VoxelDecoder(header);
            in.readVoxels(header, CHUNK_VOXELS, (raw, first, count) -> decoder.toLabels(raw, labels, (int) first, count, first));
            return new LabelVolume(header.geometry(), labels);
        }
    }

    /**
     * Streams the scaled voxel values as floats in storage order ({@code i} fastest), at most
     * {@link #CHUNK_VOXELS} per call, without holding the volume: memory use is a few chunks whatever the
     * image size. The sink may have received some chunks before a truncation or corruption error is thrown.
     *
     * @return the header, whose {@link NiftiHeader#geometry()} places the streamed voxels
     */
    public NiftiHeader stream(Path file, VoxelSink sink) throws IOException {
        Objects.requireNonNull(sink);
        try (NiftiInput in = NiftiInput.open(file)) {
            NiftiHeader header = in.readHeader(budget);
            VoxelDecoder decoder = new VoxelDecoder(header);
            float[] chunk = new float[(int) Math.min(CHUNK_VOXELS, header.voxelCount())];
            in.readVoxels(header, CHUNK_VOXELS, (raw, first, count) -> {
                decoder.toFloats(raw, chunk, 0, count);
                sink.accept(first, chunk, count);
            });
            return header;
        }
    }
}
