package org.petal.ml.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.petal.ml.dicom.DicomPetSeriesReader.SuvPolicy;
import org.petal.ml.importing.CaseImporter;
import org.petal.ml.importing.ImportOptions;
import org.petal.ml.importing.ImportResult;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.volume.PetUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Import a NIfTI file or a DICOM PET series into a new case store.")
final class ImportCommand implements Callable<Integer> {

    enum Unit {
        suv(PetUnit.SUV_BW), bqml(PetUnit.BQ_PER_ML), unknown(PetUnit.UNKNOWN);

        final PetUnit unit;

        Unit(PetUnit unit) {
            this.unit = unit;
        }
    }

    @Parameters(index = "0", description = "a .nii/.nii.gz file, or a DICOM series folder or file")
    Path source;

    @Option(names = "--store", required = true, description = "case store directory to create (must not exist)")
    Path store;

    @Option(names = "--unit", description = "what NIfTI values mean: ${COMPLETION-CANDIDATES} (NIfTI has no SUV fields)")
    Unit unit;

    @Option(names = "--allow-non-suv", description = "import a DICOM series without SUV tags as Bq/ml or unknown (not SUV)")
    boolean allowNonSuv;

    @Option(names = "--max-voxels", description = "refuse volumes with more voxels (default ${DEFAULT-VALUE})",
        defaultValue = "268435456")
    long maxVoxels;

    @Override
    public Integer call() throws Exception {
        ImportOptions options = new ImportOptions(new VoxelBudget(maxVoxels), unit == null ? null : unit.unit,
            allowNonSuv ? SuvPolicy.ALLOW_NON_SUV : SuvPolicy.REQUIRE_SUV);
        long start = System.nanoTime();
        ImportResult result = new CaseImporter(options).importCase(source, store);
        result.warnings().forEach(w -> System.err.println("warning: " + w));
        System.out.printf("imported %s (%s) into %s in %.2f s: %s, %s%n", source, result.format(),
            result.store().directory().toAbsolutePath(), (System.nanoTime() - start) / 1e9,
            result.store().geometry(), result.store().metadata().unit().label());
        return 0;
    }
}
