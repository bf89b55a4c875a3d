package org.petal.ml.suv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The header values of one PET instance that SUV needs, mirroring {@code InstanceMetadata} of
 * {@code @cornerstonejs/calculate-suv}. Values are as DICOM stores them (strings for DA/TM/DT/CS, numbers
 * for DS/IS); an absent or empty attribute is null.
 *
 * @param correctedImage                          CorrectedImage (0028,0051) values, e.g. ATTN, DECY
 * @param units                                   Units (0054,1001): BQML, CNTS, GML, …
 * @param radionuclideHalfLife                    RadionuclideHalfLife (0018,1075) in seconds
 * @param radionuclideTotalDose                   RadionuclideTotalDose (0018,1074) in Bq
 * @param decayCorrection                         DecayCorrection (0054,1102): START, ADMIN or NONE
 * @param patientWeight                           PatientWeight (0010,1030) in kg
 * @param seriesDate                              SeriesDate (0008,0021), DA
 * @param seriesTime                              SeriesTime (0008,0031), TM
 * @param acquisitionDate                         AcquisitionDate (0008,0022), DA
 * @param acquisitionTime                         AcquisitionTime (0008,0032), TM
 * @param radiopharmaceuticalStartTime            RadiopharmaceuticalStartTime (0018,1072), TM
 * @param radiopharmaceuticalStartDateTime        RadiopharmaceuticalStartDateTime (0018,1078), DT
 * @param philipsSuvScaleFactor                   Philips private SUV scale factor (7053,1000)
 * @param philipsActivityConcentrationScaleFactor Philips private activity concentration scale factor (7053,1009)
 * @param gePrivatePostInjectionDateTime          GE private post-injection date-time (0009,100D, creator GEMS_PETD_01), DT
 * @param frameReferenceTime                      FrameReferenceTime (0054,1300) in ms
 * @param actualFrameDuration                     ActualFrameDuration (0018,1242) in ms
 * @param patientSize                             PatientSize (0010,1020) in metres
 * @param patientSex                              PatientSex (0010,0040): M, F, O
 */
public record PetInstanceMetadata(
    List<String> correctedImage,
    String units,
    Double radionuclideHalfLife,
    Double radionuclideTotalDose,
    String decayCorrection,
    Double patientWeight,
    String seriesDate,
    String seriesTime,
    String acquisitionDate,
    String acquisitionTime,
    String radiopharmaceuticalStartTime,
    String radiopharmaceuticalStartDateTime,
    Double philipsSuvScaleFactor,
    Double philipsActivityConcentrationScaleFactor,
    String gePrivatePostInjectionDateTime,
    Double frameReferenceTime,
    Double actualFrameDuration,
    Double patientSize,
    String patientSex) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PetInstanceMetadata {
        correctedImage = correctedImage == null ? null : List.copyOf(correctedImage);
    }

    /**
     * Reads one instance written in calculate-suv's JSON shape (keys as DICOM keywords, Philips values under
     * {@code PhilipsPETPrivateGroup}). Numbers may be given as JSON numbers or numeric strings.
     */
    public static PetInstanceMetadata fromJson(String json) {
        try {
            return fromNode(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON array of instances (calculate-suv's {@code InstanceMetadata[]}). */
    public static List<PetInstanceMetadata> listFromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!root.isArray()) {
                throw new IllegalArgumentException("expected a JSON array of instances");
            }
            List<PetInstanceMetadata> out = new ArrayList<>();
            root.forEach(node -> out.add(fromNode(node)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<PetInstanceMetadata> readJsonList(Path file) throws IOException {
        return listFromJson(Files.readString(file));
    }

    private static PetInstanceMetadata fromNode(JsonNode n) {
        JsonNode philips = n.path("PhilipsPETPrivateGroup");
        List<String> corrected = null;
        if (n.hasNonNull("CorrectedImage")) {
            corrected = new ArrayList<>();
            JsonNode ci = n.get("CorrectedImage");
            if (ci.isArray()) {
                for (JsonNode v : ci) {
                    corrected.add(v.asText());
                }
            } else {
                corrected.add(ci.asText());
            }
        }
        return new PetInstanceMetadata(
            corrected,
            text(n, "Units"),
            number(n, "RadionuclideHalfLife"),
            number(n, "RadionuclideTotalDose"),
            text(n, "DecayCorrection"),
            number(n, "PatientWeight"),
            text(n, "SeriesDate"),
            text(n, "SeriesTime"),
            text(n, "AcquisitionDate"),
            text(n, "AcquisitionTime"),
            text(n, "RadiopharmaceuticalStartTime"),
            text(n, "RadiopharmaceuticalStartDateTime"),
            number(philips, "SUVScaleFactor"),
            number(philips, "ActivityConcentrationScaleFactor"),
            text(n, "GEPrivatePostInjectionDateTime"),
            number(n, "FrameReferenceTime"),
            number(n, "ActualFrameDuration"),
            number(n, "PatientSize"),
            text(n, "PatientSex"));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + v.asText() + "'");
        }
    }
}
