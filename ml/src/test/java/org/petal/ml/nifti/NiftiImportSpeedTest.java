package org.petal.ml.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

/**
 * Import speed against {@code gzip -dc} on a whole-body sized (400×400×326) float32 .nii.gz compressed at
 * gzip's default level. Timing-dependent, so it runs only with {@code -Dpetal.perf=true}:
 * {@code mvn -pl ml test -Dtest=NiftiImportSpeedTest -Dpetal.perf=true}.
 */
@EnabledIfSystemProperty(named = "petal.perf", matches = "true")
class NiftiImportSpeedTest {

    @TempDir
    Path dir;

    @Test
    void importing_a_whole_body_nii_gz_takes_at_most_one_and_a_half_times_gzip() throws Exception {
        Path nii = dir.resolve("wb.nii");
        NiftiWriter.writePet(petLike(400, 400, 326), nii);
        Path gz = dir.resolve("wb.nii.gz");
        try (InputStream in = Files.newInputStream(nii); OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 18)) {
            in.transferTo(out); // default level 6, like most tools that write .nii.gz
        }
        NiftiReader reader = new NiftiReader(VoxelBudget.DEFAULT);

        double gzip = Double.MAX_VALUE;
        double petal = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("gzip", "-dc", gz.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor()).isZero();
            long t1 = System.nanoTime();
            PetVolume pet = reader.readPet(gz, PetUnit.UNKNOWN);
            long t2 = System.nanoTime();
            assertThat(pet.voxels()).hasSize(400 * 400 * 326);
            if (round > 0) { // first round warms the JIT and the page cache
                gzip = Math.min(gzip, (t1 - t0) / 1e6);
                petal = Math.min(petal, (t2 - t1) / 1e6);
            }
        }
        System.out.printf("400x400x326 float32 .nii.gz (%d MB): gzip -dc %.0f ms, NiftiReader.readPet %.0f ms, ratio %.2f%n",
            Files.size(gz) >> 20, gzip, petal, petal / gzip);
        assertThat(petal).isLessThanOrEqualTo(1.5 * gzip);
    }

    @Test
    void writing_a_whole_body_nii_gz_is_reported() throws IOException {
        PetVolume pet = petLike(400, 400, 326);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            NiftiWriter.writePet(pet, dir.resolve("out.nii.gz"));
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("NiftiWriter.writePet 400x400x326 .nii.gz: %d ms, %d MB%n", best / 1_000_000,
            Files.size(dir.resolve("out.nii.gz")) >> 20);
    }

    /** Smooth body-like uptake with noise: compresses about as well as real PET, unlike zeros or pure noise. */
    private static PetVolume petLike(int nx, int ny, int nz) {
        float[] v = new float[nx * ny * nz];
        long seed = 12345;
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double dx = (i - nx / 2.0) / (nx * 0.3);
                    double dy = (j - ny / 2.0) / (ny * 0.2);
                    double r2 = dx * dx + dy * dy;
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    double noise = ((seed >>> 40) & 0xFFFF) / 65536.0;
                    v[n] = r2 < 1 ? (float) (1.5 + 0.8 * noise + Math.sin(k * 0.05)) : (noise < 0.995 ? 0f : (float) noise * 0.01f);
                }
            }
        }
        return new PetVolume(VolumeGeometry.axisAligned(nx, ny, nz, 2.0364, 2.0364, 3.27, new double[3]), v, PetUnit.UNKNOWN, null);
    }
}
