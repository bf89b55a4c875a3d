package org.petal.ml.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.petal.ml.nifti.NiftiWriter;

/**
 * Writes the whole-body benchmark volume to a file so shell tools ({@code gzip -dc}, {@code ./petal import})
 * can be timed on exactly the file JMH uses: {@code java -cp ... WriteBenchmarkVolume OUT.nii.gz [quiet|noisy]}.
 */
public final class WriteBenchmarkVolume {

    private WriteBenchmarkVolume() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-data/wholebody-autopet-grid.nii.gz");
        Files.createDirectories(out.toAbsolutePath().getParent());
        NiftiWriter.writePet(BenchmarkVolumes.phantomOnAutoPetGrid(args.length > 1 && args[1].equals("noisy")), out);
        System.out.println(out.toAbsolutePath() + ": " + Files.size(out) + " bytes");
    }
}
