package org.petal.ml.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.petal.ml.dicom.DicomDataset;
import org.petal.ml.dicom.DicomElement;
import org.petal.ml.dicom.DicomFile;
import org.petal.ml.dicom.DicomFileParser;
import org.petal.ml.dicom.DicomTags;
import org.petal.ml.morph.BinaryMask;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.LabelVolume;

/**
 * Petal's mask-only quantities against reference statistics computed on real QIN-HEADNECK PET studies. The PET
 * series are not public in those repositories, so only what the masks determine is compared: voxel counts, MTV,
 * TLG given the reference SUVmean, and the quartile distributions' denominators.
 */
class MetricsAgainstReferenceDataTest {

    private static final String IOWA = "iowa2dicom/Testing/";

    @ParameterizedTest(name = "{0} label {1}")
    @CsvSource({"tumor, 1", "liver, 1", "cerebellum, 1", "aorta_resampled, 1"})
    void theMtvOfEachIowaRegionEqualsTheReferenceVolume(String region, int label) throws IOException {
        Map<String, Double> reference = ReferenceIndices.read(RealData.require(IOWA + "Indices/" + region + ".txt"));
        BinaryMask mask = BinaryMask.fromLabel(NrrdLabelReader.read(RealData.require(IOWA + "Regions/" + region + ".nrrd")), label);

        assertThat(mask.volumeMl()).isCloseTo(reference.get("Volume_s"), within(reference.get("Volume_s") * 1e-5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tumor", "liver", "cerebellum", "aorta_resampled"})
    void theReferenceQuartileSharesAreWholeVoxelCountsOfOurMask(String region) throws IOException {
        Map<String, Double> reference = ReferenceIndices.read(RealData.require(IOWA + "Indices/" + region + ".txt"));
        long n = BinaryMask.fromLabel(NrrdLabelReader.read(RealData.require(IOWA + "Regions/" + region + ".nrrd")), 1).count();

        // Q1..Q4_Distribution are fractions of the region's voxels: times our count they must be integers.
        for (int q = 1; q <= 4; q++) {
            double voxels = reference.get("Q" + q + "_Distribution_s") * n;
            assertThat(voxels).as("Q%d of %d voxels", q, n).isCloseTo(Math.rint(voxels), within(0.01));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tumor", "liver", "cerebellum", "aorta_resampled"})
    void theReferenceTlgIsSuvMeanTimesOurMtv(String region) throws IOException {
        Map<String, Double> reference = ReferenceIndices.read(RealData.require(IOWA + "Indices/" + region + ".txt"));
        BinaryMask mask = BinaryMask.fromLabel(NrrdLabelReader.read(RealData.require(IOWA + "Regions/" + region + ".nrrd")), 1);

        assertThat(reference.get("Mean_s") * mask.volumeMl()).isCloseTo(reference.get("TLG_s"), within(reference.get("TLG_s") * 1e-4));
    }

    @Test
    void theIowaTumourMapHoldsThePrimaryAsLabelOneAndANodeAsLabelTwo() throws IOException {
        LabelVolume tumour = NrrdLabelReader.read(RealData.require(IOWA + "Regions/tumor.nrrd"));
        assertThat(tumour.count(1)).isEqualTo(1145);
        assertThat(tumour.count(2)).isEqualTo(129);
        assertThat(tumour.geometry().spacing(2)).isCloseTo(3.375, within(1e-9));
        // The reference "tumor" indices describe label 1 only: its volume matches, 1145 + 129 voxels would not.
    }

    @Test
    void theDcmqiSegmentationVolumeEqualsTheSrVolume() throws IOException {
        Path seg = RealData.require("dcmqi-sr-example/data/sr-example/seg.dcm");
        DicomFile file = DicomFileParser.parse(seg);
        DicomElement pixels = file.dataset().element(DicomTags.PIXEL_DATA);
        byte[] bytes = Files.readAllBytes(seg);
        long set = 0;
        for (int n = pixels.valueOffset(); n < pixels.valueOffset() + pixels.length(); n++) {
            set += Integer.bitCount(bytes[n] & 0xFF);
        }
        DicomDataset measures = file.dataset().items(0x5200_9229).get(0).items(0x0028_9110).get(0);
        double[] pixelSpacing = measures.numbers(DicomTags.PIXEL_SPACING);
        double sliceSpacing = measures.number(0x0018_0088);
        double voxelMl = pixelSpacing[0] * pixelSpacing[1] * sliceSpacing / 1000;

        assertThat(set).isEqualTo(795);
        // TID 1500 SR "tumor measurements - User2 Manual trial 1": Volume 33.5824 ml (dcmqi-sr-example SOURCES.md).
        assertThat(set * voxelMl).isCloseTo(33.5824, within(1e-3));
    }
}
