package org.petal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Small PET volumes for import and slice tests. Every voxel's value tells its position
 * ({@code 0.5 + 0.01·i + 0.1·j + 1·k}) and a hot voxel of +10 sits at {@link #HOT}, so a slice cut along the
 * wrong axis or a transposed image cannot match by accident. Spacing differs per axis for the same reason.
 */
public final class SyntheticPet {

    public static final int NX = 20;
    public static final int NY = 16;
    public static final int NZ = 12;
    public static final int[] HOT = {5, 6, 7};

    private SyntheticPet() {}

    public static PetVolume volume(PetUnit unit) {
        VolumeGeometry g = VolumeGeometry.axisAligned(NX, NY, NZ, 2, 3, 4, new double[3]);
        float[] v = new float[NX * NY * NZ];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    v[g.index(i, j, k)] = 0.5f + 0.01f * i + 0.1f * j + k;
                }
            }
        }
        v[g.index(HOT[0], HOT[1], HOT[2])] += 10;
        return new PetVolume(g, v, unit, null);
    }

    /** Writes the volume as NIfTI ({@code .nii} or {@code .nii.gz} by the name); SUV volumes carry Petal's SUV marker. */
    public static Path nifti(Path file, PetUnit unit) {
        try {
            NiftiWriter.writePet(volume(unit), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
