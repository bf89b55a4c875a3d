package org.petal.ml.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * The DICOM attributes Petal reads, as {@code (group << 16) | element} ints, with their keyword and VR.
 * The VR is needed only for Implicit VR files, where the file does not say it; everything not listed here
 * is skipped by length.
 */
public final class DicomTags {

    private DicomTags() {}

    public static final int TRANSFER_SYNTAX_UID = 0x0002_0010;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x0002_0002;

    public static final int SOP_CLASS_UID = 0x0008_0016;
    public static final int SOP_INSTANCE_UID = 0x0008_0018;
    public static final int SERIES_DATE = 0x0008_0021;
    public static final int ACQUISITION_DATE = 0x0008_0022;
    public static final int SERIES_TIME = 0x0008_0031;
    public static final int ACQUISITION_TIME = 0x0008_0032;
    public static final int MODALITY = 0x0008_0060;
    public static final int MANUFACTURER = 0x0008_0070;

    public static final int PATIENT_SEX = 0x0010_0040;
    public static final int PATIENT_SIZE = 0x0010_1020;
    public static final int PATIENT_WEIGHT = 0x0010_1030;

    public static final int SLICE_THICKNESS = 0x0018_0050;
    public static final int RADIOPHARMACEUTICAL_START_TIME = 0x0018_1072;
    public static final int RADIONUCLIDE_TOTAL_DOSE = 0x0018_1074;
    public static final int RADIONUCLIDE_HALF_LIFE = 0x0018_1075;
    public static final int RADIOPHARMACEUTICAL_START_DATE_TIME = 0x0018_1078;
    public static final int ACTUAL_FRAME_DURATION = 0x0018_1242;

    public static final int STUDY_INSTANCE_UID = 0x0020_000D;
    public static final int SERIES_INSTANCE_UID = 0x0020_000E;
    public static final int INSTANCE_NUMBER = 0x0020_0013;
    public static final int IMAGE_POSITION_PATIENT = 0x0020_0032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x0020_0037;

    public static final int SAMPLES_PER_PIXEL = 0x0028_0002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x0028_0004;
    public static final int NUMBER_OF_FRAMES = 0x0028_0008;
    public static final int ROWS = 0x0028_0010;
    public static final int COLUMNS = 0x0028_0011;
    public static final int PIXEL_SPACING = 0x0028_0030;
    public static final int BITS_ALLOCATED = 0x0028_0100;
    public static final int BITS_STORED = 0x0028_0101;
    public static final int HIGH_BIT = 0x0028_0102;
    public static final int PIXEL_REPRESENTATION = 0x0028_0103;
    public static final int CORRECTED_IMAGE = 0x0028_0051;
    public static final int RESCALE_INTERCEPT = 0x0028_1052;
    public static final int RESCALE_SLOPE = 0x0028_1053;

    public static final int RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE = 0x0054_0016;
    public static final int UNITS = 0x0054_1001;
    public static final int DECAY_CORRECTION = 0x0054_1102;
    public static final int FRAME_REFERENCE_TIME = 0x0054_1300;

    public static final int ICON_IMAGE_SEQUENCE = 0x0088_0200;
    public static final int PIXEL_DATA = 0x7FE0_0010;

    public static final int ITEM = 0xFFFE_E000;
    public static final int ITEM_DELIMITATION = 0xFFFE_E00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFE_E0DD;

    /** Philips private block "Philips PET Private Group" in group 7053: SUV factor at 00, activity scale at 09. */
    public static final String PHILIPS_PET_CREATOR = "Philips PET Private Group";
    public static final int PHILIPS_PET_GROUP = 0x7053;
    public static final int PHILIPS_SUV_SCALE_FACTOR_OFFSET = 0x00;
    public static final int PHILIPS_ACTIVITY_CONCENTRATION_SCALE_FACTOR_OFFSET = 0x09;

    /** GE private block "GEMS_PETD_01" in group 0009: post-injection date-time (DT) at 0D. */
    public static final String GE_PETD_CREATOR = "GEMS_PETD_01";
    public static final int GE_PETD_GROUP = 0x0009;
    public static final int GE_POST_INJECTION_DATE_TIME_OFFSET = 0x0D;

    private record Entry(String keyword, String vr) {}

    private static final Map<Integer, Entry> DICTIONARY = new HashMap<>();

    static {
        put(TRANSFER_SYNTAX_UID, "TransferSyntaxUID", "UI");
        put(MEDIA_STORAGE_SOP_CLASS_UID, "MediaStorageSOPClassUID", "UI");
        put(SOP_CLASS_UID, "SOPClassUID", "UI");
        put(SOP_INSTANCE_UID, "SOPInstanceUID", "UI");
        put(SERIES_DATE, "SeriesDate", "DA");
        put(ACQUISITION_DATE, "AcquisitionDate", "DA");
        put(SERIES_TIME, "SeriesTime", "TM");
        put(ACQUISITION_TIME, "AcquisitionTime", "TM");
        put(MODALITY, "Modality", "CS");
        put(MANUFACTURER, "Manufacturer", "LO");
        put(PATIENT_SEX, "PatientSex", "CS");
        put(PATIENT_SIZE, "PatientSize", "DS");
        put(PATIENT_WEIGHT, "PatientWeight", "DS");
        put(SLICE_THICKNESS, "SliceThickness", "DS");
        put(RADIOPHARMACEUTICAL_START_TIME, "RadiopharmaceuticalStartTime", "TM");
        put(RADIONUCLIDE_TOTAL_DOSE, "RadionuclideTotalDose", "DS");
        put(RADIONUCLIDE_HALF_LIFE, "RadionuclideHalfLife", "DS");
        put(RADIOPHARMACEUTICAL_START_DATE_TIME, "RadiopharmaceuticalStartDateTime", "DT");
        put(ACTUAL_FRAME_DURATION, "ActualFrameDuration", "IS");
        put(STUDY_INSTANCE_UID, "StudyInstanceUID", "UI");
        put(SERIES_INSTANCE_UID, "SeriesInstanceUID", "UI");
        put(INSTANCE_NUMBER, "InstanceNumber", "IS");
        put(IMAGE_POSITION_PATIENT, "ImagePositionPatient", "DS");
        put(IMAGE_ORIENTATION_PATIENT, "ImageOrientationPatient", "DS");
        put(SAMPLES_PER_PIXEL, "SamplesPerPixel", "US");
        put(PHOTOMETRIC_INTERPRETATION, "PhotometricInterpretation", "CS");
        put(NUMBER_OF_FRAMES, "NumberOfFrames", "IS");
        put(ROWS, "Rows", "US");
        put(COLUMNS, "Columns", "US");
        put(PIXEL_SPACING, "PixelSpacing", "DS");
        put(BITS_ALLOCATED, "BitsAllocated", "US");
        put(BITS_STORED, "BitsStored", "US");
        put(HIGH_BIT, "HighBit", "US");
        put(PIXEL_REPRESENTATION, "PixelRepresentation", "US");
        put(CORRECTED_IMAGE, "CorrectedImage", "CS");
        put(RESCALE_INTERCEPT, "RescaleIntercept", "DS");
        put(RESCALE_SLOPE, "RescaleSlope", "DS");
        put(RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, "RadiopharmaceuticalInformationSequence", "SQ");
        put(UNITS, "Units", "CS");
        put(DECAY_CORRECTION, "DecayCorrection", "CS");
        put(FRAME_REFERENCE_TIME, "FrameReferenceTime", "DS");
        put(ICON_IMAGE_SEQUENCE, "IconImageSequence", "SQ");
        put(PIXEL_DATA, "PixelData", "OW");
    }

    private static void put(int tag, String keyword, String vr) {
        DICTIONARY.put(tag, new Entry(keyword, vr));
    }

    /** The VR of a known attribute, or null (then the value is kept as raw bytes). */
    static String vrOf(int tag) {
        Entry e = DICTIONARY.get(tag);
        return e == null ? null : e.vr();
    }

    /** "(gggg,eeee)" in upper-case hex. */
    public static String hex(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** "Keyword (gggg,eeee)" for messages, or just the tag when the keyword is not known here. */
    public static String describe(int tag) {
        Entry e = DICTIONARY.get(tag);
        return e == null ? hex(tag) : e.keyword() + " " + hex(tag);
    }
}
