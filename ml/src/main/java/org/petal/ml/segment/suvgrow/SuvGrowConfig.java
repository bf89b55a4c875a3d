package org.petal.ml.segment.suvgrow;

import org.petal.ml.morph.Connectivity;
import java.util.Objects;

/**
 * Settings of the {@code suv-grow} engine. All lengths in mm (converted to voxels with the volume's
 * spacing), all intensities in SUV.
 *
 * @param peakSearchRadiusMm    the lesion peak is searched within this radius of an include click, then
 *                              followed uphill to the local maximum
 * @param lesionThreshold       threshold rule for lesions
 * @param lesionFraction        fraction of SUVmax (or of SUVmax − bg) for the percent rules
 * @param fixedSuv              threshold of {@link LesionThreshold#FIXED_SUV}
 * @param backgroundShellMm     inner and outer distance of the background shell are this and twice this,
 *                              measured from the preliminary lesion region
 * @param minimalSuv            a click whose peak (lesion) or seed mean (organ) is below this is on
 *                              background: the click adds nothing
 * @param connectivity          neighbourhood of the grow
 * @param organSeedRadiusMm     radius of the sphere around an organ click giving the seed statistics
 * @param organK                organ voxels lie within mean ± k·std of the (smoothed) seed statistics
 * @param organMinFraction      organ lower bound is never below this fraction of the organ mean: the
 *                              half-way level between organ and background where the PSF puts the edge
 * @param organSmoothing        decide organ membership on a 3×3×3 mean of the image so noise does not
 *                              fragment the grow
 * @param fillHoles             fill enclosed holes of the organ mask (necrosis, noise pits, vessels)
 * @param refineRadiusMm        a later include click on a voxel below its own threshold adds the region
 *                              above its (lowered) threshold only within this radius of the click
 * @param geodesicIntensityWeight extra geodesic cost of an SUV step relative to the region's SUV scale
 *                              (exclude-click split); 0 gives plain path length
 * @param excludeReach          an exclude click removes voxels at most this many times its depth (its
 *                              distance in mm to the region's border) away from itself
 */
public record SuvGrowConfig(
    double peakSearchRadiusMm,
    LesionThreshold lesionThreshold,
    double lesionFraction,
    double fixedSuv,
    double backgroundShellMm,
    double minimalSuv,
    Connectivity connectivity,
    double organSeedRadiusMm,
    double organK,
    double organMinFraction,
    boolean organSmoothing,
    boolean fillHoles,
    double refineRadiusMm,
    double geodesicIntensityWeight,
    double excludeReach) {

    public static final SuvGrowConfig DEFAULTS = new SuvGrowConfig(
        7.0, LesionThreshold.PERCENT_OF_MAX, 0.41, 2.5, 8.0, 1.0, Connectivity.SIX,
        8.0, 3.0, 0.6, true, true, 12.0, 20.0, 1.5);

    public SuvGrowConfig {
        Objects.requireNonNull(lesionThreshold);
        Objects.requireNonNull(connectivity);
        if (!(peakSearchRadiusMm >= 0) || !(lesionFraction > 0 && lesionFraction < 1) || !(organSeedRadiusMm >= 0)
            || !(organK > 0) || !(backgroundShellMm > 0) || !(refineRadiusMm >= 0) || !(geodesicIntensityWeight >= 0) || !(excludeReach > 0)) {
            throw new IllegalArgumentException("invalid suv-grow configuration: " + this);
        }
    }

    public SuvGrowConfig withLesionThreshold(LesionThreshold rule) {
        return new SuvGrowConfig(peakSearchRadiusMm, rule, lesionFraction, fixedSuv, backgroundShellMm, minimalSuv,
            connectivity, organSeedRadiusMm, organK, organMinFraction, organSmoothing, fillHoles, refineRadiusMm,
            geodesicIntensityWeight, excludeReach);
    }

    public SuvGrowConfig withConnectivity(Connectivity c) {
        return new SuvGrowConfig(peakSearchRadiusMm, lesionThreshold, lesionFraction, fixedSuv, backgroundShellMm, minimalSuv,
            c, organSeedRadiusMm, organK, organMinFraction, organSmoothing, fillHoles, refineRadiusMm, geodesicIntensityWeight, excludeReach);
    }

    public SuvGrowConfig withLesionFraction(double fraction) {
        return new SuvGrowConfig(peakSearchRadiusMm, lesionThreshold, fraction, fixedSuv, backgroundShellMm, minimalSuv,
            connectivity, organSeedRadiusMm, organK, organMinFraction, organSmoothing, fillHoles, refineRadiusMm,
            geodesicIntensityWeight, excludeReach);
    }

    public SuvGrowConfig withRefinement(double refineRadius, double intensityWeight, double reach) {
        return new SuvGrowConfig(peakSearchRadiusMm, lesionThreshold, lesionFraction, fixedSuv, backgroundShellMm, minimalSuv,
            connectivity, organSeedRadiusMm, organK, organMinFraction, organSmoothing, fillHoles, refineRadius,
            intensityWeight, reach);
    }

    public SuvGrowConfig withOrgan(double k, double minFraction, boolean smoothing, boolean holes) {
        return new SuvGrowConfig(peakSearchRadiusMm, lesionThreshold, lesionFraction, fixedSuv, backgroundShellMm, minimalSuv,
            connectivity, organSeedRadiusMm, k, minFraction, smoothing, holes, refineRadiusMm, geodesicIntensityWeight, excludeReach);
    }
}
