package org.petal.ml.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.io.VolumeTooLargeException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.suv.SuvNotComputableException;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.VolumeGeometry;

class DicomPetSeriesReaderTest {

    private static final String RECON_1 = "pynemaiqpet/data/pet_recon_1";
    private static final String RECON_2 = "pynemaiqpet/data/pet_recon_2";

    private final DicomPetSeriesReader strict = new DicomPetSeriesReader();
    private final DicomPetSeriesReader permissive = new DicomPetSeriesReader(VoxelBudget.DEFAULT,
        DicomPetSeriesReader.SuvPolicy.ALLOW_NON_SUV);

    private static List<Path> shuffled(String folder) throws Exception {
        List<Path> files = new ArrayList<>(DicomTestFiles.dicomFiles(RealData.require(folder)));
        Collections.shuffle(files, new Random(42));
        return files;
    }

    private static double max(PetVolume v) {
        double m = Double.NEGATIVE_INFINITY;
        for (float f : v.voxels()) {
            m = Math.max(m, f);
        }
        return m;
    }

    private static double fileSlope(Path file) throws Exception {
        return DicomFileParser.parse(file).dataset().number(DicomTags.RESCALE_SLOPE);
    }

    @Test
    void nemaRecon1ShuffledIsStackedFromFootToHeadOnA192x192x89Grid() throws Exception {
        DicomPetSeries series = permissive.readSeries(shuffled(RECON_1));
        VolumeGeometry g = series.volume().geometry();

        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(192, 192, 89);
        assertThat(g.spacing(0)).isCloseTo(2.0833333, within(1e-6));
        assertThat(g.spacing(1)).isCloseTo(2.0833333, within(1e-6));
        assertThat(g.spacing(2)).isCloseTo(2.78, within(1e-4));
        assertThat(g.voxelToLps(0, 0, 0)[2]).isCloseTo(-122.32, within(1e-3));
        assertThat(g.voxelToLps(0, 0, 88)[2]).isCloseTo(122.32, within(1e-3));
        for (int k = 1; k < series.files().size(); k++) {
            double previous = DicomFileParser.parse(series.files().get(k - 1)).dataset().numbers(DicomTags.IMAGE_POSITION_PATIENT)[2];
            double current = DicomFileParser.parse(series.files().get(k)).dataset().numbers(DicomTags.IMAGE_POSITION_PATIENT)[2];
            assertThat(current).isGreaterThan(previous);
        }
    }

    @Test
    void nemaRecon1AppliesTheRescaleSlopeAndReachesTheKnownMaximum() throws Exception {
        List<Path> files = shuffled(RECON_1);
        double slope = fileSlope(files.get(0));

        PetVolume v = permissive.read(files);

        assertThat(slope).isCloseTo(0.58180, within(1e-5));
        assertThat(max(v)).isCloseTo(38127, within(1.0));
    }

    @Test
    void nemaRecon2AppliesItsOwnSlopeAndReachesItsKnownMaximum() throws Exception {
        List<Path> files = shuffled(RECON_2);
        double slope = fileSlope(files.get(0));

        PetVolume v = permissive.read(files);

        assertThat(slope).isCloseTo(0.44233, within(1e-5));
        assertThat(v.geometry().nz()).isEqualTo(89);
        assertThat(max(v)).isCloseTo(28988, within(1.0));
        // Rescaled values are whole multiples of the slope (stored values are integers, intercept 0).
        double ratio = max(v) / slope;
        assertThat(ratio).isCloseTo(Math.rint(ratio), within(0.01));
    }

    @Test
    void aPhantomWithoutSuvFieldsIsRefusedByDefaultNamingTheMissingTag() throws Exception {
        Path folder = RealData.require(RECON_1);

        assertThatThrownBy(() -> strict.read(folder))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("PatientWeight (0010,1030)");
    }

    @Test
    void aPhantomWithoutSuvFieldsIsReturnedAsNonSuvWhenTheCallerAllowsIt() throws Exception {
        DicomPetSeries series = permissive.readSeries(RealData.require(RECON_1));

        assertThat(series.volume().unit()).isEqualTo(PetUnit.UNKNOWN);
        assertThat(series.volume().unit().isSuv()).isFalse();
        assertThat(series.volume().suvParameters()).isEmpty();
        assertThat(series.warnings()).anyMatch(w -> w.contains("not SUV") && w.contains("PatientWeight (0010,1030)"));
    }

    @Test
    void eachAcrinSliceAsAOneSliceSeriesGivesStoredTimesSlopePlusInterceptTimesTheSuvFactor() throws Exception {
        assertAcrinSliceSuv("acrin-flt-breast-slices/testdata/1.dcm", 9.12329, 0.0005942485308008636);
        assertAcrinSliceSuv("acrin-flt-breast-slices/testdata/2.dcm", 46.2619, 0.0004735489150917658);
    }

    private void assertAcrinSliceSuv(String relative, double slope, double factor) throws Exception {
        Path file = RealData.require(relative);
        DicomFile dicom = DicomFileParser.parse(file);
        double intercept = dicom.dataset().number(DicomTags.RESCALE_INTERCEPT) == null ? 0 : dicom.dataset().number(DicomTags.RESCALE_INTERCEPT);
        DicomElement pixels = dicom.dataset().element(DicomTags.PIXEL_DATA);
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(file), pixels.valueOffset(), pixels.length()).slice().order(ByteOrder.LITTLE_ENDIAN);
        boolean signed = dicom.dataset().integer(DicomTags.PIXEL_REPRESENTATION) == 1;

        PetVolume v = strict.read(List.of(file));

        assertThat(v.unit()).isEqualTo(PetUnit.SUV_BW);
        assertThat(v.suvParameters()).isPresent();
        assertThat(v.suvParameters().get().suvBwFactor()).isCloseTo(factor, within(factor * 1e-6));
        assertThat(v.geometry().nz()).isEqualTo(1);
        int checked = 0;
        for (int n = 0; n < 168 * 168; n++) {
            int stored = signed ? raw.getShort(n * 2) : raw.getShort(n * 2) & 0xFFFF;
            double expected = (stored * slope + intercept) * factor;
            assertThat((double) v.voxels()[n]).isCloseTo(expected, within(Math.abs(expected) * 1e-6 + 1e-9));
            checked += stored != 0 ? 1 : 0;
        }
        assertThat(checked).as("non-zero voxels compared").isGreaterThan(1000);
    }

    @Test
    void aSliceRemovedFromTheMiddleIsReportedAsMissing(@TempDir Path tmp) throws Exception {
        List<Path> files = new ArrayList<>(DicomTestFiles.dicomFiles(RealData.require(RECON_1)));
        List<Path> sortedByZ = permissive.readSeries(files).files();
        List<Path> withHole = new ArrayList<>(sortedByZ);
        withHole.remove(44);
        DicomTestFiles.copyAll(withHole, tmp.resolve("series"));

        assertThatThrownBy(() -> permissive.read(tmp.resolve("series")))
            .isInstanceOf(MissingSlicesException.class)
            .hasMessageContaining("about 1 slice(s) missing")
            .hasMessageContaining(sortedByZ.get(43).getFileName().toString());
    }

    @Test
    void aFileOfAnotherReconstructionInTheFolderIsAMixedSeries(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("recon2");
        DicomTestFiles.copyAll(DicomTestFiles.dicomFiles(RealData.require(RECON_2)), folder);
        Path intruder = DicomTestFiles.dicomFiles(RealData.require(RECON_1)).get(0);
        Files.copy(intruder, folder.resolve(intruder.getFileName()));

        assertThatThrownBy(() -> permissive.read(folder))
            .isInstanceOf(MixedSeriesException.class)
            .hasMessageContaining("2 series")
            .hasMessageContaining("89 file(s)").hasMessageContaining("1 file(s)");
    }

    @Test
    void aTruncatedSliceMakesTheSeriesCorrupt(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("recon1");
        DicomTestFiles.copyAll(DicomTestFiles.dicomFiles(RealData.require(RECON_1)), folder);
        Path victim = DicomTestFiles.dicomFiles(folder).get(10);
        DicomTestFiles.truncateInHalf(victim);

        assertThatThrownBy(() -> permissive.read(folder))
            .isInstanceOf(CorruptFileException.class)
            .hasMessageContaining(victim.getFileName().toString());
    }

    @Test
    void nonDicomFilesInAFolderAreSkippedWithAWarning(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("recon1");
        DicomTestFiles.copyAll(DicomTestFiles.dicomFiles(RealData.require(RECON_1)), folder);
        Files.writeString(folder.resolve("README.txt"), "phantom scan");

        DicomPetSeries series = permissive.readSeries(folder);

        assertThat(series.volume().geometry().nz()).isEqualTo(89);
        assertThat(series.warnings()).anyMatch(w -> w.contains("not DICOM") && w.contains("README.txt"));
    }

    @Test
    void aNonDicomFileGivenExplicitlyIsRefused(@TempDir Path tmp) throws Exception {
        Path text = tmp.resolve("slice.dcm");
        Files.writeString(text, "not really a slice");

        assertThatThrownBy(() -> permissive.read(List.of(text)))
            .isInstanceOf(NotDicomException.class)
            .hasMessageContaining("slice.dcm");
    }

    @Test
    void aFolderWithoutDicomFilesIsRefused(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "nothing");

        assertThatThrownBy(() -> permissive.read(tmp))
            .isInstanceOf(NotDicomException.class)
            .hasMessageContaining("a.txt");
    }

    @Test
    void aSliceWhoseModalityIsCtIsNotPet(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("recon1");
        DicomTestFiles.copyAll(DicomTestFiles.dicomFiles(RealData.require(RECON_1)), folder);
        Path victim = DicomTestFiles.dicomFiles(folder).get(5);
        DicomTestFiles.patchModality(victim, "CT");

        assertThatThrownBy(() -> permissive.read(folder))
            .isInstanceOf(NotPetException.class)
            .hasMessageContaining(victim.getFileName().toString())
            .hasMessageContaining("Modality (0008,0060) is CT");
    }

    @Test
    void aCompressedSliceIsRefusedNamingTheTransferSyntax(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("recon1");
        DicomTestFiles.copyAll(DicomTestFiles.dicomFiles(RealData.require(RECON_1)), folder);
        Path victim = DicomTestFiles.dicomFiles(folder).get(0);
        DicomTestFiles.replaceTransferSyntax(victim, "1.2.840.10008.1.2.4.70");

        assertThatThrownBy(() -> permissive.read(folder))
            .isInstanceOf(UnsupportedImageException.class)
            .hasMessageContaining("JPEG Lossless").hasMessageContaining("1.2.840.10008.1.2.4.70");
    }

    @Test
    void aSeriesLargerThanTheVoxelBudgetIsRefusedBeforeAllocation() throws Exception {
        DicomPetSeriesReader tiny = new DicomPetSeriesReader(new VoxelBudget(1000), DicomPetSeriesReader.SuvPolicy.ALLOW_NON_SUV);
        Path series = RealData.require(RECON_1);  // outside the lambda: absent data must skip the test

        assertThatThrownBy(() -> tiny.read(series))
            .isInstanceOf(VolumeTooLargeException.class);
    }
}
