package org.petal.ml.dicom;

import static org.petal.ml.dicom.DicomTags.*;

import java.nio.file.Path;
import java.util.List;
import org.petal.ml.io.CorruptFileException;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.UnsupportedImageException;
import org.petal.ml.suv.PetInstanceMetadata;

/**
 * What Petal needs from one single-frame PET slice: identity, geometry, pixel format, rescale and the SUV
 * header fields.
 *
 * @param file                 where the slice came from
 * @param modality             Modality (0008,0060), e.g. PT; null when absent
 * @param sopClassUid          SOPClassUID (0008,0016)
 * @param seriesInstanceUid    SeriesInstanceUID (0020,000E)
 * @param rows                 Rows (0028,0010): voxels along j
 * @param columns              Columns (0028,0011): voxels along i
 * @param pixelSpacing         PixelSpacing (0028,0030) in mm: [between rows, between columns]
 * @param imagePosition        ImagePositionPatient (0020,0032): LPS mm of the first voxel centre
 * @param imageOrientation     ImageOrientationPatient (0020,0037): row direction (i) then column direction (j)
 * @param sliceThickness       SliceThickness (0018,0050) in mm, or null; only used for one-slice series
 * @param rescaleSlope         RescaleSlope (0028,1053), 1 when absent
 * @param rescaleIntercept     RescaleIntercept (0028,1052), 0 when absent
 * @param bitsAllocated        BitsAllocated (0028,0100): 8, 16 or 32
 * @param bitsStored           BitsStored (0028,0101)
 * @param pixelRepresentation  PixelRepresentation (0028,0103): 0 unsigned, 1 two's complement
 * @param suv                  the SUV-relevant header values
 */
public record PetSliceHeader(
    Path file,
    String modality,
    String sopClassUid,
    String seriesInstanceUid,
    int rows,
    int columns,
    double[] pixelSpacing,
    double[] imagePosition,
    double[] imageOrientation,
    Double sliceThickness,
    double rescaleSlope,
    double rescaleIntercept,
    int bitsAllocated,
    int bitsStored,
    int pixelRepresentation,
    PetInstanceMetadata suv) {

    /** PET Image Storage. */
    public static final String PET_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.128";

    /** Extracts the header; refuses slices that cannot be placed or decoded. */
    public static PetSliceHeader of(Path file, DicomFile dicom) throws InvalidImageException {
        DicomDataset d = dicom.dataset();
        String name = dicom.name();
        Integer frames = d.integer(NUMBER_OF_FRAMES);
        if (frames != null && frames > 1) {
            throw new UnsupportedImageException(name + ": multi-frame images (NumberOfFrames " + frames
                + ") are not supported; export the PET as one file per slice");
        }
        Integer samples = d.integer(SAMPLES_PER_PIXEL);
        if (samples != null && samples != 1) {
            throw new UnsupportedImageException(name + ": SamplesPerPixel (0028,0002) is " + samples + "; PET must have 1");
        }
        int bitsAllocated = required(d.integer(BITS_ALLOCATED), BITS_ALLOCATED, name);
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new UnsupportedImageException(name + ": BitsAllocated (0028,0100) " + bitsAllocated + " is not supported (8, 16 or 32)");
        }
        Integer bitsStored = d.integer(BITS_STORED);
        int stored = bitsStored == null ? bitsAllocated : bitsStored;
        if (stored < 1 || stored > bitsAllocated) {
            throw new CorruptFileException(name + ": BitsStored (0028,0101) " + stored + " does not fit BitsAllocated " + bitsAllocated);
        }
        Integer representation = d.integer(PIXEL_REPRESENTATION);

        double[] spacing = d.numbers(PIXEL_SPACING);
        double[] position = d.numbers(IMAGE_POSITION_PATIENT);
        double[] orientation = d.numbers(IMAGE_ORIENTATION_PATIENT);
        requireCount(spacing, 2, PIXEL_SPACING, name);
        requireCount(position, 3, IMAGE_POSITION_PATIENT, name);
        requireCount(orientation, 6, IMAGE_ORIENTATION_PATIENT, name);
        if (!(spacing[0] > 0) || !(spacing[1] > 0)) {
            throw new CorruptFileException(name + ": PixelSpacing (0028,0030) must be positive, is " + spacing[0] + "\\" + spacing[1]);
        }

        Double slope = d.number(RESCALE_SLOPE);
        Double intercept = d.number(RESCALE_INTERCEPT);
        return new PetSliceHeader(file, d.string(MODALITY), d.string(SOP_CLASS_UID), d.string(SERIES_INSTANCE_UID),
            required(d.integer(ROWS), ROWS, name), required(d.integer(COLUMNS), COLUMNS, name),
            new double[] {spacing[0], spacing[1]}, new double[] {position[0], position[1], position[2]},
            java.util.Arrays.copyOf(orientation, 6), d.number(SLICE_THICKNESS),
            slope == null ? 1.0 : slope, intercept == null ? 0.0 : intercept,
            bitsAllocated, stored, representation == null ? 0 : representation, suvMetadata(d));
    }

    /** True when the slice is a PET image: Modality PT, or no Modality but the PET Image Storage SOP class. */
    public boolean isPet() {
        return modality != null ? "PT".equals(modality) : PET_IMAGE_STORAGE.equals(sopClassUid);
    }

    private static PetInstanceMetadata suvMetadata(DicomDataset d) throws CorruptFileException {
        // Radiopharmaceutical details live in the first item of (0054,0016).
        List<DicomDataset> radio = d.items(RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE);
        DicomDataset r = radio.isEmpty() ? null : radio.get(0);
        List<String> corrected = d.strings(CORRECTED_IMAGE);
        return new PetInstanceMetadata(
            corrected.isEmpty() ? null : corrected,
            d.string(UNITS),
            r == null ? null : r.number(RADIONUCLIDE_HALF_LIFE),
            r == null ? null : r.number(RADIONUCLIDE_TOTAL_DOSE),
            d.string(DECAY_CORRECTION),
            d.number(PATIENT_WEIGHT),
            d.string(SERIES_DATE),
            d.string(SERIES_TIME),
            d.string(ACQUISITION_DATE),
            d.string(ACQUISITION_TIME),
            r == null ? null : r.string(RADIOPHARMACEUTICAL_START_TIME),
            r == null ? null : r.string(RADIOPHARMACEUTICAL_START_DATE_TIME),
            d.privateNumber(PHILIPS_PET_GROUP, PHILIPS_PET_CREATOR, PHILIPS_SUV_SCALE_FACTOR_OFFSET),
            d.privateNumber(PHILIPS_PET_GROUP, PHILIPS_PET_CREATOR, PHILIPS_ACTIVITY_CONCENTRATION_SCALE_FACTOR_OFFSET),
            d.privateString(GE_PETD_GROUP, GE_PETD_CREATOR, GE_POST_INJECTION_DATE_TIME_OFFSET),
            d.number(FRAME_REFERENCE_TIME),
            d.number(ACTUAL_FRAME_DURATION),
            d.number(PATIENT_SIZE),
            d.string(PATIENT_SEX));
    }

    private static int required(Integer value, int tag, String name) throws InvalidImageException {
        if (value == null) {
            throw new InvalidImageException(name + ": " + DicomTags.describe(tag) + " is missing");
        }
        return value;
    }

    private static void requireCount(double[] values, int count, int tag, String name) throws InvalidImageException {
        if (values.length < count) {
            throw new InvalidImageException(name + ": " + DicomTags.describe(tag) + (values.length == 0 ? " is missing" : " has "
                + values.length + " values, needs " + count) + "; the slice cannot be placed in space");
        }
    }
}
