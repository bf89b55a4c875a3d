package org.petal.ml.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.dicom.DicomPetSeriesReader;
import org.petal.ml.dicom.DicomPetSeriesReader.SuvPolicy;
import org.petal.ml.dicom.MissingSlicesException;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.VolumeTooLargeException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.nifti.NiftiReader;
import org.petal.ml.nifti.NiftiWriter;
import org.petal.ml.phantom.PhantomGenerator;
import org.petal.ml.phantom.PhantomSpec;
import org.petal.ml.store.VoxelStore;
import org.petal.ml.suv.SuvNotComputableException;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;

class CaseImporterTest {

    private static final String HECKTOR_PET = "ai4elife-hecktor/data/CHGJ007/pet/CHGJ007_pt.nii.gz";
    private static final String NEMA = "pynemaiqpet/data/pet_recon_1";

    @TempDir
    Path dir;

    private final CaseImporter defaults = new CaseImporter(ImportOptions.defaults());

    @Test
    void a_real_nifti_pet_is_stored_voxel_for_voxel_with_its_geometry() throws IOException {
        Path nifti = RealData.require(HECKTOR_PET);
        PetVolume expected = new NiftiReader(VoxelBudget.DEFAULT).readPet(nifti, PetUnit.UNKNOWN);

        VoxelStore store = defaults.importCase(nifti, dir.resolve("case")).store();

        assertThat(store.geometry().sameGrid(expected.geometry(), 1e-9)).isTrue();
        assertThat(store.readVolume().voxels()).containsExactly(expected.voxels());
        assertThat(store.coronalMip().max()).isEqualTo(max(expected.voxels()));
    }

    @Test
    void a_nifti_without_declared_unit_is_never_presented_as_suv() throws IOException {
        ImportResult result = defaults.importCase(RealData.require(HECKTOR_PET), dir.resolve("case"));

        assertThat(result.store().metadata().unit()).isEqualTo(PetUnit.UNKNOWN);
        assertThat(result.store().metadata().suvParameters()).isNull();
        assertThat(result.warnings()).singleElement().asString().contains("--unit suv");
    }

    @Test
    void a_nifti_declared_as_suv_by_the_user_keeps_that_declaration_as_provenance() throws IOException {
        CaseImporter importer = new CaseImporter(new ImportOptions(VoxelBudget.DEFAULT, PetUnit.SUV_BW, SuvPolicy.REQUIRE_SUV));

        ImportResult result = importer.importCase(RealData.require(HECKTOR_PET), dir.resolve("case"));

        assertThat(result.store().metadata().unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(result.store().metadata().suvParameters().source()).contains("declared SUVbw by the importing user");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void an_suv_nifti_written_by_petal_imports_as_suv() throws IOException {
        PetVolume phantom = PhantomGenerator.generate(PhantomSpec.of(3, 0).withVoxelMm(8)).pet();
        Path nifti = dir.resolve("phantom.nii.gz");
        NiftiWriter.writePet(phantom, nifti);

        ImportResult result = defaults.importCase(nifti, dir.resolve("case"));

        assertThat(result.store().metadata().unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(result.store().readVolume().voxels()).containsExactly(phantom.voxels());
    }

    @Test
    void a_dicom_series_without_suv_tags_is_refused_by_default_and_leaves_nothing() {
        Path series = RealData.require(NEMA);

        assertThatThrownBy(() -> defaults.importCase(series, dir.resolve("case")))
            .isInstanceOf(SuvNotComputableException.class).hasMessageContaining("PatientWeight");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_dicom_series_without_suv_tags_imports_as_not_suv_when_allowed() throws IOException {
        CaseImporter permissive = new CaseImporter(new ImportOptions(VoxelBudget.DEFAULT, null, SuvPolicy.ALLOW_NON_SUV));

        ImportResult result = permissive.importCase(RealData.require(NEMA), dir.resolve("case"));

        assertThat(result.format()).isEqualTo("DICOM");
        assertThat(result.store().geometry().nz()).isEqualTo(89);
        assertThat(result.store().metadata().unit().isSuv()).isFalse();
        assertThat(result.warnings()).isNotEmpty();
    }

    @Test
    void a_truncated_gzip_nifti_fails_clearly_and_leaves_no_partial_case() throws IOException {
        Path nifti = RealData.require(HECKTOR_PET);
        byte[] bytes = Files.readAllBytes(nifti);
        Path truncated = dir.resolve("truncated.nii.gz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> defaults.importCase(truncated, dir.resolve("stores").resolve("case")))
            .isInstanceOf(CorruptFileException.class);
        assertThat(dir.resolve("stores")).satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void a_volume_over_the_voxel_budget_is_refused_before_anything_is_written() throws IOException {
        CaseImporter small = new CaseImporter(new ImportOptions(new VoxelBudget(1000), PetUnit.SUV_BW, SuvPolicy.REQUIRE_SUV));
        Path pet = RealData.require(HECKTOR_PET);  // outside the lambda: a missing file must skip, not pass as "thrown"

        assertThatThrownBy(() -> small.importCase(pet, dir.resolve("case")))
            .isInstanceOf(VolumeTooLargeException.class).hasMessageContaining("exceeds the limit");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void a_dicom_series_with_a_missing_slice_leaves_no_partial_case() throws IOException {
        Path series = dir.resolve("series");
        Files.createDirectories(series);
        try (Stream<Path> files = Files.list(RealData.require(NEMA))) {
            for (Path f : files.sorted().toList()) {
                Files.copy(f, series.resolve(f.getFileName()));
            }
        }
        deleteMiddleSlice(series);
        CaseImporter permissive = new CaseImporter(new ImportOptions(VoxelBudget.DEFAULT, null, SuvPolicy.ALLOW_NON_SUV));

        assertThatThrownBy(() -> permissive.importCase(series, dir.resolve("stores").resolve("case")))
            .isInstanceOf(MissingSlicesException.class);
        assertThat(dir.resolve("stores")).doesNotExist();
    }

    @Test
    void importing_over_an_existing_case_is_refused() throws IOException {
        Path nifti = RealData.require(HECKTOR_PET);
        defaults.importCase(nifti, dir.resolve("case"));

        assertThatThrownBy(() -> defaults.importCase(nifti, dir.resolve("case"))).hasMessageContaining("already exists");
    }

    /** Removes the slice in the middle of the sorted stack. */
    private static void deleteMiddleSlice(Path series) throws IOException {
        var files = new DicomPetSeriesReader(VoxelBudget.DEFAULT, SuvPolicy.ALLOW_NON_SUV).readSeries(series).files();
        Files.delete(files.get(files.size() / 2));
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) m = Math.max(m, v);
        return m;
    }
}
