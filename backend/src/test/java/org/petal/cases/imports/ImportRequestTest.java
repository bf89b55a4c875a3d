package org.petal.cases.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.petal.ml.volume.PetUnit;
import org.petal.system.Problems;

/** How a request's file name, case key and unit are read, without the application. */
class ImportRequestTest {

    @Test
    void theFormatComesFromTheExtensionAndTheLongerOneWins() {
        assertThat(UploadFormat.of("a.NII.GZ")).isEqualTo(UploadFormat.NIFTI_GZ);
        assertThat(UploadFormat.of("a.nii")).isEqualTo(UploadFormat.NIFTI);
        assertThat(UploadFormat.of("series.zip")).isEqualTo(UploadFormat.DICOM_ZIP);
        assertThatThrownBy(() -> UploadFormat.of(".nii")).isInstanceOf(Problems.BadRequest.class);
        assertThatThrownBy(() -> UploadFormat.of("a.dcm")).isInstanceOf(Problems.BadRequest.class);
    }

    @Test
    void aBrowserPathIsCutToItsFileNameAndOddCharactersAreReplaced() {
        assertThat(ImportService.safeFileName("C:\\scans\\patient 1.nii.gz")).isEqualTo("patient_1.nii.gz");
        assertThat(ImportService.safeFileName("/tmp/../x.zip")).isEqualTo("x.zip");
        assertThatThrownBy(() -> ImportService.safeFileName("..")).isInstanceOf(Problems.BadRequest.class);
    }

    @Test
    void theCaseKeyDefaultsToTheFileStemAndAGivenOneMustBePortable() {
        assertThat(ImportService.caseKey(null, "CHGJ007_pt")).isEqualTo("CHGJ007_pt");
        assertThat(ImportService.caseKey(" ", "__x")).isEqualTo("x");
        assertThat(ImportService.caseKey("p-1.b", "ignored")).isEqualTo("p-1.b");
        assertThatThrownBy(() -> ImportService.caseKey("a/b", "x")).isInstanceOf(Problems.BadRequest.class);
    }

    @Test
    void theUnitIsForNiftiOnly() {
        assertThat(ImportService.niftiUnit("suv", UploadFormat.NIFTI)).isEqualTo(PetUnit.SUV_BW);
        assertThat(ImportService.niftiUnit("UNKNOWN", UploadFormat.NIFTI_GZ)).isEqualTo(PetUnit.UNKNOWN);
        assertThat(ImportService.niftiUnit(null, UploadFormat.DICOM_ZIP)).isNull();
        assertThatThrownBy(() -> ImportService.niftiUnit("SUV", UploadFormat.DICOM_ZIP)).isInstanceOf(Problems.BadRequest.class);
    }
}
