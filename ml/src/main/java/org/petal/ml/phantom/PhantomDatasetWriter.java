package org.petal.ml.phantom;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.petal.ml.dataset.Dataset;
import org.petal.ml.dataset.DatasetCase;
import org.petal.ml.nifti.NiftiWriter;

/**
 * Writes generated phantoms as a Petal dataset: {@code DIR/<case>/pet.nii.gz} (SUVbw, marked as such),
 * {@code DIR/<case>/label.nii.gz}, {@code labels.json} and {@code cases.csv}. The metadata files are
 * written last, so an interrupted run never looks like a complete dataset.
 */
public final class PhantomDatasetWriter {

    private PhantomDatasetWriter() {}

    public static Dataset write(Path directory, int cases, long seed, double voxelMm, Consumer<DatasetCase> progress)
        throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        if (Files.exists(dir.resolve(Dataset.CASES_FILE))) {
            throw new FileAlreadyExistsException(dir.toString(), null, "a dataset already exists there");
        }
        List<DatasetCase> written = new ArrayList<>();
        for (int index = 0; index < cases; index++) {
            PhantomCase phantom = PhantomGenerator.generate(PhantomSpec.of(seed, index).withVoxelMm(voxelMm));
            Path caseDir = Files.createDirectories(dir.resolve(phantom.caseId()));
            Path pet = caseDir.resolve("pet.nii.gz");
            Path label = caseDir.resolve("label.nii.gz");
            NiftiWriter.writePet(phantom.pet(), pet);
            NiftiWriter.writeLabels(phantom.labels(), label);
            DatasetCase c = new DatasetCase(phantom.caseId(), pet, label);
            written.add(c);
            progress.accept(c);
        }
        Dataset dataset = new Dataset(dir, PhantomLabel.LABEL_SET, written);
        dataset.write();
        return dataset;
    }
}
