package org.petal.ml.suv;

/**
 * Multipliers that turn one PET instance's rescaled values (stored × RescaleSlope + RescaleIntercept)
 * into standardised uptake values. Field names follow {@code @cornerstonejs/calculate-suv}.
 *
 * @param suvbw       body-weight SUV factor (result in g/ml); for Units CNTS it applies to the rescaled counts
 * @param suvlbm      lean-body-mass SUV factor (James formula, as calculate-suv 1.1.0 codes it), g/ml;
 *                    null when PatientSize or PatientSex is missing
 * @param suvlbmJanma lean-body-mass SUV factor (Janmahasatian formula), g/ml; null like {@code suvlbm}
 * @param suvbsa      body-surface-area SUV factor (Du Bois), cm²/ml; null when PatientSize is missing
 */
public record SuvScalingFactors(double suvbw, Double suvlbm, Double suvlbmJanma, Double suvbsa) {
}
