package org.petal.ml.phantom;

/**
 * One case's tissue SUVs (g/ml) and imaging parameters. Organ values are the mean over the organ's
 * ground truth; the brain has a slightly hotter cortex and cooler core around that mean.
 */
record Uptake(
    double brain,
    double heart,
    double liver,
    double spleen,
    double kidneyLeft,
    double kidneyRight,
    double bladder,
    double lungs,
    double spine,
    double softTissue,
    double blood,
    double glands,
    double psfFwhmMm,
    double liverNoiseCov) {

    /** sigma = k·sqrt(SUV) chosen so that uniform liver shows {@link #liverNoiseCov} (std/mean). */
    double noiseCoefficient() {
        return liverNoiseCov * Math.sqrt(liver);
    }
}
