package org.petal.ml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.dataset.DatasetCase;
import org.petal.ml.importing.CaseImporter;
import org.petal.ml.importing.ImportOptions;
import org.petal.ml.phantom.PhantomDatasetWriter;
import org.petal.ml.store.VoxelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What "running Petal" means until the web app exists: generate phantom cases, import them like a user's
 * files, and write the MIPs a reader would look at. Re-running reuses what an earlier run made.
 */
@Command(name = "demo", description = "Generate demo whole-body PET cases, import them and write MIP images.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--cases", defaultValue = "3", description = "number of demo cases (default ${DEFAULT-VALUE})")
    int cases;

    @Override
    public Integer call() throws Exception {
        Path datasetDir = out.resolve("dataset");
        Dataset dataset;
        if (Files.exists(datasetDir.resolve(Dataset.CASES_FILE))) {
            dataset = Dataset.read(datasetDir);
            System.out.println("reusing demo dataset " + datasetDir.toAbsolutePath());
        } else {
            System.out.println("generating " + cases + " whole-body FDG PET phantoms (4 mm)...");
            dataset = PhantomDatasetWriter.write(datasetDir, cases, 2026, 4.0, c -> { });
        }
        Path mips = Files.createDirectories(out.resolve("mips"));
        CaseImporter importer = new CaseImporter(ImportOptions.defaults());
        System.out.println();
        for (DatasetCase c : dataset.cases()) {
            Path storeDir = out.resolve("stores").resolve(c.caseId());
            VoxelStore store = Files.exists(storeDir) ? VoxelStore.open(storeDir) : importer.importCase(c.pet(), storeDir).store();
            Path coronal = StoreMipCommand.render(store, null, 10f, mips.resolve(c.caseId() + "-coronal-mip.png"));
            Path rotated = StoreMipCommand.render(store, 45.0, 10f, mips.resolve(c.caseId() + "-mip-45deg.png"));
            System.out.printf("case %s  (%s, SUVmax %.1f)%n", c.caseId(), store.geometry(), store.metadata().maxValue());
            System.out.println("  PET (NIfTI):   " + c.pet());
            System.out.println("  labels:        " + c.label());
            System.out.println("  voxel store:   " + store.directory().toAbsolutePath());
            System.out.println("  coronal MIP:   " + coronal);
            System.out.println("  MIP at 45 deg: " + rotated);
        }
        System.out.println();
        System.out.println("dataset (labels.json, cases.csv): " + dataset.dir());
        System.out.println("Open the PNG files to look at the cases; `./petal --help` lists the other commands.");
        return 0;
    }
}
