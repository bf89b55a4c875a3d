package org.petal.ml.dicom;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.VoxelBudget;
import org.petal.ml.suv.PetInstanceMetadata;
import org.petal.ml.suv.SuvCalculator;
import org.petal.ml.suv.SuvNotComputableException;
import org.petal.ml.suv.SuvScalingFactors;
import org.petal.ml.volume.PetUnit;
import org.petal.ml.volume.PetVolume;
import org.petal.ml.volume.SuvParameters;

/**
 * Reads one single-frame PET DICOM series (a folder, searched recursively, or a list of files) into a
 * {@link PetVolume} in SUVbw.
 *
 * <p>Rules, in the order they are checked:
 * <ol>
 *   <li>Folder input: files without the Part-10 "DICM" marker (READMEs, thumbnails, DICOMDIR indexes) are
 *       skipped and listed in {@link DicomPetSeries#warnings()}; no DICOM file at all is an error. File-list
 *       input: every file must be DICOM ({@link NotDicomException}), because the caller chose them.</li>
 *   <li>Compressed transfer syntaxes → {@link org.petal.ml.io.UnsupportedImageException}; truncated or
 *       damaged files → {@link CorruptFileException}.</li>
 *   <li>More than one SeriesInstanceUID → {@link MixedSeriesException} listing them.</li>
 *   <li>A slice whose Modality is not PT (or, without Modality, whose SOP class is not PET Image Storage) →
 *       {@link NotPetException}.</li>
 *   <li>Rows, Columns, PixelSpacing or ImageOrientationPatient differing between slices →
 *       {@link MixedSeriesException}.</li>
 *   <li>Sorting and gap checks of {@link SliceStack} → {@link MissingSlicesException}.</li>
 *   <li>{@link VoxelBudget} is checked before the voxel array is allocated.</li>
 *   <li>SUV: {@link SuvCalculator} on all slices; value = (stored × RescaleSlope + RescaleIntercept) ×
 *       that slice's SUVbw factor, unit {@link PetUnit#SUV_BW}, with the {@link SuvParameters} kept.
 *       When SUV cannot be computed, {@link SuvPolicy#REQUIRE_SUV} (the default) throws
 *       {@link SuvNotComputableException}; {@link SuvPolicy#ALLOW_NON_SUV} returns the rescaled values as
 *       {@link PetUnit#BQ_PER_ML} when Units is BQML, else {@link PetUnit#UNKNOWN}, without SuvParameters.</li>
 * </ol>
 */
public final class DicomPetSeriesReader {

    /** What to do when the header does not allow SUV. */
    public enum SuvPolicy {
        /** Refuse the series with {@link SuvNotComputableException} (default: Petal segments in SUV). */
        REQUIRE_SUV,
        /** Return activity (Bq/ml) or unknown-unit values, clearly flagged as not SUV (e.g. phantoms). */
        ALLOW_NON_SUV
    }

    private static final System.Logger LOG = System.getLogger(DicomPetSeriesReader.class.getName());
    private static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private final VoxelBudget budget;
    private final SuvPolicy suvPolicy;

    /** Default budget, SUV required. */
    public DicomPetSeriesReader() {
        this(VoxelBudget.DEFAULT, SuvPolicy.REQUIRE_SUV);
    }

    public DicomPetSeriesReader(VoxelBudget budget, SuvPolicy suvPolicy) {
        this.budget = Objects.requireNonNull(budget);
        this.suvPolicy = Objects.requireNonNull(suvPolicy);
    }

    /** Reads the series in a folder (recursively) and returns the volume. */
    public PetVolume read(Path directory) throws IOException {
        return readSeries(directory).volume();
    }

    /** Reads the series made of exactly these files and returns the volume. */
    public PetVolume read(List<Path> files) throws IOException {
        return readSeries(files).volume();
    }

    /** Reads the series in a folder (recursively), or a single file. */
    public DicomPetSeries readSeries(Path directoryOrFile) throws IOException {
        if (!Files.isDirectory(directoryOrFile)) {
            return readSeries(List.of(directoryOrFile));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directoryOrFile)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> warnings = new ArrayList<>();
        List<Path> dicom = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            if (isPart10(f)) {
                dicom.add(f);
            } else {
                skipped.add(directoryOrFile.relativize(f).toString());
            }
        }
        if (!skipped.isEmpty()) {
            warn(warnings, "skipped " + skipped.size() + " file(s) that are not DICOM Part-10: " + String.join(", ", limit(skipped)));
        }
        if (dicom.isEmpty()) {
            throw new NotDicomException("no DICOM files found in " + directoryOrFile.getFileName()
                + (skipped.isEmpty() ? " (the folder is empty)" : "; not DICOM: " + String.join(", ", limit(skipped))));
        }
        return read(dicom, warnings, true);
    }

    /** Reads the series made of exactly these files; each must be a DICOM Part-10 file. */
    public DicomPetSeries readSeries(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new InvalidImageException("no files given");
        }
        return read(files, new ArrayList<>(), false);
    }

    private DicomPetSeries read(List<Path> files, List<String> warnings, boolean fromFolder) throws IOException {
        List<PetSliceHeader> headers = new ArrayList<>();
        for (Path f : files) {
            DicomFile dicom = DicomFileParser.parse(f);
            if (fromFolder && MEDIA_STORAGE_DIRECTORY.equals(dicom.meta().string(DicomTags.MEDIA_STORAGE_SOP_CLASS_UID))) {
                warn(warnings, "skipped DICOMDIR index " + f.getFileName());
                continue;
            }
            headers.add(PetSliceHeader.of(f, dicom));
        }
        if (headers.isEmpty()) {
            throw new NotDicomException("no DICOM image files found (only DICOMDIR indexes)");
        }
        checkOneSeries(headers);
        for (PetSliceHeader h : headers) {
            if (!h.isPet()) {
                throw new NotPetException(h.file().getFileName() + " is not a PET image: Modality (0008,0060) is "
                    + (h.modality() == null ? "missing and SOPClassUID (0008,0016) is " + h.sopClassUid() : h.modality())
                    + " (expected PT)");
            }
        }
        checkSameGrid(headers);
        SliceStack stack = SliceStack.of(headers);
        var g = stack.geometry();
        int voxels = Math.toIntExact(budget.check(g.nx(), g.ny(), g.nz(), "DICOM PET series"));

        List<PetInstanceMetadata> metadata = stack.slices().stream().map(PetSliceHeader::suv).toList();
        double[] factors = new double[stack.slices().size()];
        PetUnit unit;
        SuvParameters parameters;
        try {
            List<SuvScalingFactors> suv = SuvCalculator.scalingFactors(metadata);
            for (int k = 0; k < factors.length; k++) {
                factors[k] = suv.get(k).suvbw();
            }
            parameters = SuvCalculator.suvParameters(metadata);
            unit = PetUnit.SUV_BW;
        } catch (SuvNotComputableException e) {
            if (suvPolicy == SuvPolicy.REQUIRE_SUV) {
                throw e;
            }
            Arrays.fill(factors, 1.0);
            parameters = null;
            unit = "BQML".equals(metadata.get(0).units()) ? PetUnit.BQ_PER_ML : PetUnit.UNKNOWN;
            warn(warnings, "values are not SUV (" + unit.label() + "): " + e.getMessage());
        }

        float[] data = new float[voxels];
        int sliceSize = g.nx() * g.ny();
        for (int k = 0; k < factors.length; k++) {
            PetSliceHeader expected = stack.slices().get(k);
            DicomFile dicom = DicomFileParser.parse(expected.file());
            PetSliceHeader again = PetSliceHeader.of(expected.file(), dicom);
            if (again.rows() != expected.rows() || again.columns() != expected.columns()) {
                throw new CorruptFileException(expected.file().getFileName() + " changed while the series was being read");
            }
            PixelDecoder.decodeInto(dicom, again, data, k * sliceSize, factors[k]);
        }
        List<Path> ordered = stack.slices().stream().map(PetSliceHeader::file).toList();
        return new DicomPetSeries(new PetVolume(g, data, unit, parameters), ordered, List.copyOf(warnings));
    }

    private static void checkOneSeries(List<PetSliceHeader> headers) throws MixedSeriesException {
        Map<String, List<PetSliceHeader>> bySeries = new LinkedHashMap<>();
        for (PetSliceHeader h : headers) {
            bySeries.computeIfAbsent(String.valueOf(h.seriesInstanceUid()), x -> new ArrayList<>()).add(h);
        }
        if (bySeries.size() > 1) {
            StringBuilder sb = new StringBuilder("the files belong to " + bySeries.size() + " series (SeriesInstanceUID (0020,000E)); "
                + "import one series at a time:");
            bySeries.forEach((uid, list) -> sb.append("\n  ").append(uid).append(": ").append(list.size()).append(" file(s), Modality ")
                .append(list.get(0).modality()).append(", e.g. ").append(list.get(0).file().getFileName()));
            throw new MixedSeriesException(sb.toString());
        }
    }

    private static void checkSameGrid(List<PetSliceHeader> headers) throws MixedSeriesException {
        PetSliceHeader first = headers.get(0);
        for (PetSliceHeader h : headers) {
            String what = null;
            if (h.rows() != first.rows() || h.columns() != first.columns()) {
                what = "size " + h.columns() + "x" + h.rows() + " vs " + first.columns() + "x" + first.rows();
            } else if (!close(h.pixelSpacing(), first.pixelSpacing(), 1e-4)) {
                what = "PixelSpacing (0028,0030) " + Arrays.toString(h.pixelSpacing()) + " vs " + Arrays.toString(first.pixelSpacing());
            } else if (!close(h.imageOrientation(), first.imageOrientation(), 1e-4)) {
                what = "ImageOrientationPatient (0020,0037) " + Arrays.toString(h.imageOrientation()) + " vs "
                    + Arrays.toString(first.imageOrientation());
            }
            if (what != null) {
                throw new MixedSeriesException("slices do not share one grid: " + h.file().getFileName() + " has " + what + " in "
                    + first.file().getFileName());
            }
        }
    }

    private static boolean close(double[] a, double[] b, double relative) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > relative * Math.max(1.0, Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPart10(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(132);
            return DicomFileParser.hasPart10Marker(head);
        }
    }

    private static List<String> limit(List<String> names) {
        return names.size() <= 10 ? names : Stream.concat(names.stream().limit(10), Stream.of("…")).toList();
    }

    private static void warn(List<String> warnings, String message) {
        LOG.log(Level.WARNING, message);
        warnings.add(message);
    }
}
