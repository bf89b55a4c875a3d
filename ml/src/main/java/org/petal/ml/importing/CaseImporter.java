package org.petal.ml.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.petal.ml.dicom.DicomPetSeries;
import org.petal.ml.dicom.DicomPetSeriesReader;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.nifti.NiftiHeader;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.store.VoxelStoreWriter;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.SuvParameters;

/**
 * Imports a NIfTI file or a DICOM PET series (a folder or a single file) into a new voxel store.
 *
 * <p>NIfTI voxels stream from the (gzip) file straight into the store, so a whole-body volume is never
 * held twice. A NIfTI carries no SUV provenance: its values count as SUV only when the user says so, or
 * when Petal itself wrote the file from an SUV volume (its {@code descrip} says so); otherwise the case
 * is imported as "unknown (not SUV)" with a warning, never silently as SUV.
 */
public final class CaseImporter {

    /** The {@code descrip} {@link NiftiWriter#writePet} gives an SUVbw volume. */
    static final String PETAL_SUV_DESCRIPTION = "Petal PET, " + PetUnit.SUV_BW.label();

    private final ImportOptions options;

    public CaseImporter(ImportOptions options) {
        this.options = options;
    }

    public ImportResult importCase(Path source, Path storeDirectory) throws IOException {
        if (!Files.exists(source)) {
            throw new InvalidImageException("nothing to import at " + source);
        }
        if (isNifti(source)) {
            return importNifti(source, storeDirectory);
        }
        return importDicom(source, storeDirectory);
    }

    static boolean isNifti(Path source) {
        String name = source.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(source) && (name.endsWith(".nii") || name.endsWith(".nii.gz"));
    }

    private ImportResult importNifti(Path file, Path storeDirectory) throws IOException {
        NiftiReader reader = new NiftiReader(options.budget());
        NiftiHeader header = reader.readHeader(file);
        List<String> warnings = new ArrayList<>();
        PetUnit unit = niftiUnit(header, warnings);
        SuvParameters suv = unit.isSuv() ? SuvParameters.declaredSuv(suvSource(header, file)) : null;
        try (VoxelStoreWriter writer = new VoxelStoreWriter(storeDirectory, header.geometry(), unit, suv,
            file.getFileName().toString())) {
            PipelinedSink pipeline = new PipelinedSink(writer);
            try {
                reader.stream(file, pipeline);
            } finally {
                pipeline.finish();
            }
            writer.commit();
        }
        return new ImportResult(VoxelStore.open(storeDirectory), "NIfTI", warnings);
    }

    private PetUnit niftiUnit(NiftiHeader header, List<String> warnings) {
        if (options.niftiUnit() != null) {
            return options.niftiUnit();
        }
        if (header.description().equals(PETAL_SUV_DESCRIPTION)) {
            return PetUnit.SUV_BW;
        }
        warnings.add("the NIfTI file does not say what its values mean, so they are stored as 'unknown (not SUV)'; "
            + "import again declaring the unit (--unit suv) if the file holds SUVbw");
        return PetUnit.UNKNOWN;
    }

    private String suvSource(NiftiHeader header, Path file) {
        return options.niftiUnit() != null
            ? "declared SUVbw by the importing user (NIfTI " + file.getFileName() + ")"
            : "NIfTI written by Petal and marked SUVbw: " + header.description();
    }

    private ImportResult importDicom(Path source, Path storeDirectory) throws IOException {
        DicomPetSeriesReader reader = new DicomPetSeriesReader(options.budget(), options.dicomSuvPolicy());
        DicomPetSeries series = Files.isDirectory(source) ? reader.readSeries(source) : reader.readSeries(List.of(source));
        String name = source.getFileName() + " (" + series.files().size() + " DICOM slices)";
        VoxelStore store = VoxelStoreWriter.write(series.volume(), storeDirectory, name);
        return new ImportResult(store, "DICOM", series.warnings());
    }
}
