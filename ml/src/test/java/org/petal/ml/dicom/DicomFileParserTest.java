package org.petal.ml.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.suv.PetInstanceMetadata;
import org.petal.ml.testing.RealData;

class DicomFileParserTest {

    @Test
    void acrinSlice1HeaderIsReadAsSourcesMdDescribesIt() throws Exception {
        Path file = RealData.require("acrin-flt-breast-slices/testdata/1.dcm");

        DicomFile dicom = DicomFileParser.parse(file);
        PetSliceHeader h = PetSliceHeader.of(file, dicom);
        PetInstanceMetadata suv = h.suv();

        assertThat(dicom.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(h.modality()).isEqualTo("PT");
        assertThat(h.rows()).isEqualTo(168);
        assertThat(h.columns()).isEqualTo(168);
        assertThat(h.pixelSpacing()).containsExactly(4.07283, 4.07283);
        assertThat(h.sliceThickness()).isEqualTo(5.0);
        assertThat(h.rescaleSlope()).isEqualTo(9.12329);
        assertThat(suv.patientWeight()).isEqualTo(69.7344);
        assertThat(suv.patientSex()).isEqualTo("F");
        assertThat(suv.patientSize()).isNull();
        assertThat(suv.radionuclideTotalDose()).isEqualTo(178340011.59668);
        assertThat(suv.radionuclideHalfLife()).isEqualTo(6586.2);
        assertThat(suv.radiopharmaceuticalStartTime()).startsWith("141700");
        assertThat(suv.radiopharmaceuticalStartDateTime()).isNull();
        assertThat(suv.seriesTime()).startsWith("152316.921");
        assertThat(suv.units()).isEqualTo("BQML");
        assertThat(suv.decayCorrection()).isEqualTo("START");
        assertThat(suv.correctedImage()).containsExactly("NORM", "DTIM", "ATTN", "SCAT", "RADL", "DECY");
        assertThat(suv.frameReferenceTime()).isCloseTo(149605.34, within(0.01));
        assertThat(suv.actualFrameDuration()).isEqualTo(300000.0);
    }

    @Test
    void acrinSlice2HeaderIsReadAsSourcesMdDescribesIt() throws Exception {
        Path file = RealData.require("acrin-flt-breast-slices/testdata/2.dcm");

        PetSliceHeader h = PetSliceHeader.of(file, DicomFileParser.parse(file));

        assertThat(h.rows()).isEqualTo(168);
        assertThat(h.sliceThickness()).isEqualTo(3.0);
        assertThat(h.rescaleSlope()).isEqualTo(46.2619);
        assertThat(h.suv().patientWeight()).isEqualTo(82.174);
        assertThat(h.suv().radionuclideTotalDose()).isEqualTo(173529998.7793);
        assertThat(h.suv().radiopharmaceuticalStartTime()).startsWith("111959");
        assertThat(h.suv().seriesTime()).startsWith("111959.109");
        assertThat(h.suv().acquisitionTime()).startsWith("113559.10");
    }

    @Test
    void theIconImageSequenceKeepsItsOwnPixelDataOutOfTheMainDataset() throws Exception {
        Path file = RealData.require("acrin-flt-breast-slices/testdata/1.dcm");

        DicomDataset d = DicomFileParser.parse(file).dataset();

        assertThat(d.items(DicomTags.ICON_IMAGE_SEQUENCE)).hasSize(1);
        DicomDataset icon = d.items(DicomTags.ICON_IMAGE_SEQUENCE).get(0);
        assertThat(icon.contains(DicomTags.PIXEL_DATA)).isTrue();
        int iconPixels = icon.integer(DicomTags.ROWS) * icon.integer(DicomTags.COLUMNS);
        assertThat(icon.element(DicomTags.PIXEL_DATA).length()).isLessThan(168 * 168 * 2).isGreaterThanOrEqualTo(iconPixels);
        assertThat(d.element(DicomTags.PIXEL_DATA).length()).isEqualTo(168 * 168 * 2);
        assertThat(d.items(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE)).hasSize(1);
    }

    @Test
    void implicitVrNemaSliceIsParsed() throws Exception {
        Path file = DicomTestFiles.dicomFiles(RealData.require("pynemaiqpet/data/pet_recon_1")).get(0);

        DicomFile dicom = DicomFileParser.parse(file);
        PetSliceHeader h = PetSliceHeader.of(file, dicom);

        assertThat(dicom.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(h.rows()).isEqualTo(192);
        assertThat(h.columns()).isEqualTo(192);
        assertThat(h.pixelSpacing()[0]).isCloseTo(2.0833333, within(1e-6));
        assertThat(h.isPet()).isTrue();
    }

    @Test
    void aFileWithoutTheDicmMarkerIsNotDicom(@TempDir Path tmp) throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "this is not an image");

        assertThatThrownBy(() -> DicomFileParser.parse(text))
            .isInstanceOf(NotDicomException.class)
            .hasMessageContaining("notes.txt").hasMessageContaining("DICM");
    }

    @Test
    void aFileTruncatedInHalfIsCorrupt(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("1.dcm");
        Files.copy(RealData.require("acrin-flt-breast-slices/testdata/1.dcm"), copy);
        DicomTestFiles.truncateInHalf(copy);

        assertThatThrownBy(() -> DicomFileParser.parse(copy))
            .isInstanceOf(CorruptFileException.class)
            .hasMessageContaining("truncated");
    }

    @Test
    void aCompressedTransferSyntaxIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("1.dcm");
        Files.copy(RealData.require("acrin-flt-breast-slices/testdata/1.dcm"), copy);
        DicomTestFiles.replaceTransferSyntax(copy, "1.2.840.10008.1.2.4.90");

        assertThatThrownBy(() -> DicomFileParser.parse(copy))
            .isInstanceOf(UnsupportedImageException.class)
            .hasMessageContaining("JPEG 2000 Lossless").hasMessageContaining("1.2.840.10008.1.2.4.90");
    }
}
