package org.petal.ml.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.petal.ml.importing.CaseImporter;
import org.petal.ml.importing.ImportOptions;
import org.petal.ml.nifti.NiftiWriter;

/**
 * Import of a whole-body-sized PET (.nii.gz, 400×400×326 float32, a 2 mm phantom resampled onto AutoPET's
 * grid) into a voxel store, against plain decompression of the same file as the yardstick
 * ({@code gzip -dc} is measured beside it from the shell; see docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBenchmark {

    /** "quiet": zeros in air (compresses ~13×); "noisy": noise in air, as real scans (compresses far less). */
    @Param({"quiet", "noisy"})
    public String air;

    private Path dir;
    private Path nifti;
    private Path store;
    private int run;

    @Setup(Level.Trial)
    public void writeNifti() throws IOException {
        dir = Files.createTempDirectory("petal-bench-import");
        nifti = dir.resolve("wholebody.nii.gz");
        NiftiWriter.writePet(BenchmarkVolumes.phantomOnAutoPetGrid(air.equals("noisy")), nifti);
        System.out.printf("%n%s: %d bytes%n", nifti, Files.size(nifti));
    }

    @TearDown(Level.Trial)
    public void deleteAll() throws IOException {
        BenchmarkVolumes.delete(dir);
    }

    @TearDown(Level.Invocation)
    public void deleteStore() throws IOException {
        if (store != null && Files.exists(store)) {
            BenchmarkVolumes.delete(store);
        }
    }

    /** The yardstick: inflate the file and throw the bytes away, as {@code gzip -dc > /dev/null} does. */
    @Benchmark
    public long decompressOnly() throws IOException {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nifti), 1 << 18)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        }
        return total;
    }

    @Benchmark
    public Object importIntoStore() throws IOException {
        store = dir.resolve("store-" + run++);
        return new CaseImporter(ImportOptions.defaults()).importCase(nifti, store).store();
    }
}
