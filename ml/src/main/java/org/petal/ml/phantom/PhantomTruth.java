package org.petal.ml.phantom;

import java.util.BitSet;
import java.util.Map;

/**
 * The hidden truth behind a phantom PET: what an ideal scanner would see and the parameters that degraded it.
 *
 * @param activity          ground-truth SUV per voxel (before PSF and noise), same order as the PET
 * @param body              voxels inside the patient's skin
 * @param organSuv          nominal SUV per label name (organ labels only), ascending label value
 * @param softTissueSuv     SUV of unlabelled soft tissue
 * @param bloodPoolSuv      SUV of blood (aorta, heart chambers)
 * @param psfFwhmMm         full width at half maximum of the Gaussian PSF in mm
 * @param noiseCoefficient  noise sigma = noiseCoefficient · sqrt(blurred SUV); 0 when noise is off
 * @param liverNoiseCov     the per-case noise level: expected std/mean in uniform liver
 */
public record PhantomTruth(
    float[] activity,
    BitSet body,
    Map<String, Double> organSuv,
    double softTissueSuv,
    double bloodPoolSuv,
    double psfFwhmMm,
    double noiseCoefficient,
    double liverNoiseCov) {
}
