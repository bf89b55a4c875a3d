package org.petal.ml.volume;

/**
 * The inputs and result of an SUV conversion, kept with the volume so a lead can see where the SUV scale
 * came from and correct a wrong weight, dose or time later. Fields that the source did not carry are null.
 *
 * @param source            how the factor was obtained, e.g. "DICOM (QIBA, BQML, decay START)"
 * @param suvBwFactor       multiply activity (Bq/ml) by this to get SUVbw (g/ml); for CNTS the factor
 *                          applies to the stored counts
 * @param patientWeightKg   patient weight in kg
 * @param patientHeightM    patient height in metres (needed for SUL and SUVbsa)
 * @param patientSex        "M", "F" or null
 * @param injectedDoseBq    radionuclide total dose in Bq
 * @param injectionDateTime radiopharmaceutical start, ISO-8601 local date-time
 * @param scanDateTime      the decay-correction reference time used, ISO-8601 local date-time
 * @param halfLifeSeconds   radionuclide half-life in seconds
 * @param decayCorrection   DICOM DecayCorrection (START, ADMIN, NONE)
 * @param units             DICOM Units of the stored values (BQML, CNTS, GML)
 */
public record SuvParameters(
    String source,
    double suvBwFactor,
    Double patientWeightKg,
    Double patientHeightM,
    String patientSex,
    Double injectedDoseBq,
    String injectionDateTime,
    String scanDateTime,
    Double halfLifeSeconds,
    String decayCorrection,
    String units) {

    /** For volumes that arrive already in SUV (e.g. a NIfTI the user declares as SUVbw). */
    public static SuvParameters declaredSuv(String source) {
        return new SuvParameters(source, 1.0, null, null, null, null, null, null, null, null, "GML");
    }
}
