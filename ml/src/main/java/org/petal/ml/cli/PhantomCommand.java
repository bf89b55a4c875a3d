package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.phantom.PhantomDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "phantom", description = "Write a dataset of generated whole-body FDG PET phantoms (NIfTI, SUVbw).")
final class PhantomCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "dataset directory to create")
    Path out;

    @Option(names = "--cases", defaultValue = "3", description = "number of cases (default ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; same seed, same cases (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--voxel", defaultValue = "4.0", description = "isotropic voxel size in mm (default ${DEFAULT-VALUE})")
    double voxelMm;

    @Override
    public Integer call() throws Exception {
        Dataset dataset = PhantomDatasetWriter.write(out, cases, seed, voxelMm,
            c -> System.out.println("  " + c.caseId() + ": " + c.pet() + "  " + c.label()));
        System.out.println("dataset: " + dataset.dir().resolve(Dataset.CASES_FILE));
        return 0;
    }
}
