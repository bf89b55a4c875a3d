package org.petal.ml.suv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.petal.ml.volume.SuvParameters;

/**
 * SUV scale factors from PET headers, following the QIBA vendor-neutral recipe exactly as
 * {@code @cornerstonejs/calculate-suv} 1.1.0 implements it (see {@code package-info} for the rules and the
 * few deliberate differences). Multiply rescaled values (stored × RescaleSlope + RescaleIntercept) of
 * instance {@code i} by {@code scalingFactors(instances).get(i).suvbw()} to get SUVbw in g/ml.
 */
public final class SuvCalculator {

    private SuvCalculator() {}

    /** Where the decay reference ("scan") time came from; kept in {@link SuvParameters#source()}. */
    private enum ScanTimeSource {
        SERIES("SeriesDate/SeriesTime"),
        GE_POST_INJECTION("GE private post-injection date-time (0009,100D)"),
        EARLIEST_ACQUISITION("earliest AcquisitionDate/AcquisitionTime (acquisition precedes series time)");

        final String label;

        ScanTimeSource(String label) {
            this.label = label;
        }
    }

    private record Computation(List<SuvScalingFactors> factors, double injectionSeconds, double scanSeconds, ScanTimeSource scanSource) {}

    /**
     * One factor set per instance, in input order.
     *
     * @throws SuvNotComputableException naming the missing or contradictory attribute
     */
    public static List<SuvScalingFactors> scalingFactors(List<PetInstanceMetadata> instances) throws SuvNotComputableException {
        return compute(instances).factors();
    }

    /**
     * The parameters behind the SUVbw factor of the first instance, for keeping with the volume. The
     * times are ISO-8601 local date-times on the scanner's wall clock.
     */
    public static SuvParameters suvParameters(List<PetInstanceMetadata> instances) throws SuvNotComputableException {
        Computation c = compute(instances);
        PetInstanceMetadata first = instances.get(0);
        String source = "DICOM PET header, QIBA SUVbw as @cornerstonejs/calculate-suv 1.1.0; Units " + first.units()
            + ", DecayCorrection " + first.decayCorrection() + ", decay reference " + c.scanSource().label;
        return new SuvParameters(source, c.factors().get(0).suvbw(), first.patientWeight(), usableSize(first.patientSize()),
            first.patientSex(), first.radionuclideTotalDose(), DicomTimes.iso(c.injectionSeconds()), DicomTimes.iso(c.scanSeconds()),
            first.radionuclideHalfLife(), first.decayCorrection(), first.units());
    }

    private static Computation compute(List<PetInstanceMetadata> instances) throws SuvNotComputableException {
        if (instances == null || instances.isEmpty()) {
            throw new SuvNotComputableException("no PET instances given: SUV cannot be computed");
        }
        PetInstanceMetadata first = instances.get(0);

        List<String> corrected = first.correctedImage();
        if (corrected == null) {
            throw new SuvNotComputableException("CorrectedImage (0028,0051) is missing: SUV cannot be computed "
                + "(the image must be attenuation (ATTN) and decay (DECY) corrected)");
        }
        if (!corrected.contains("ATTN") || !corrected.contains("DECY")) {
            throw new SuvNotComputableException("CorrectedImage (0028,0051) must contain \"ATTN\" and \"DECY\": "
                + String.join(",", corrected) + " (SUV cannot be computed)");
        }

        checkSameSeries(instances);

        Double weight = first.patientWeight();
        if (weight == null || weight == 0 || weight.isNaN()) {
            throw new SuvNotComputableException("PatientWeight (0010,1030) is missing or zero: SUV cannot be computed");
        }
        if (weight < 0 || weight.isInfinite()) {
            throw new SuvNotComputableException("PatientWeight (0010,1030) is not a valid weight: " + weight + " kg");
        }
        double dose = requirePositive(first.radionuclideTotalDose(), "RadionuclideTotalDose (0018,1074)");
        double halfLife = requirePositive(first.radionuclideHalfLife(), "RadionuclideHalfLife (0018,1075)");
        boolean correctedToAdministration = decayCorrectedToAdministration(first.decayCorrection());

        double scan;
        ScanTimeSource scanSource;
        double seriesSeconds = time(first.seriesDate(), first.seriesTime(), "SeriesDate (0008,0021)", "SeriesTime (0008,0031)");
        double earliestAcquisition = Double.POSITIVE_INFINITY;
        for (PetInstanceMetadata instance : instances) {
            double acquisition = time(instance.acquisitionDate(), instance.acquisitionTime(), "AcquisitionDate (0008,0022)",
                "AcquisitionTime (0008,0032)");
            earliestAcquisition = Math.min(earliestAcquisition, acquisition);
        }
        if (seriesSeconds <= earliestAcquisition) {
            scan = seriesSeconds;
            scanSource = ScanTimeSource.SERIES;
        } else if (notBlank(first.gePrivatePostInjectionDateTime())) {
            scan = dateTime(first.gePrivatePostInjectionDateTime(), "GE private post-injection date-time (0009,100D)");
            scanSource = ScanTimeSource.GE_POST_INJECTION;
        } else {
            // calculate-suv 1.1.0 has the QIBA FrameReferenceTime back-computation commented out and uses the
            // earliest acquisition time; we match it (its vendor test vectors depend on this).
            scan = earliestAcquisition;
            scanSource = ScanTimeSource.EARLIEST_ACQUISITION;
        }

        double injection;
        if (notBlank(first.radiopharmaceuticalStartDateTime())) {
            injection = dateTime(first.radiopharmaceuticalStartDateTime(), "RadiopharmaceuticalStartDateTime (0018,1078)");
        } else if (notBlank(first.radiopharmaceuticalStartTime()) && notBlank(first.seriesDate())) {
            // Injection date not recorded: assume the series date (as upstream and QIBA do).
            injection = time(first.seriesDate(), first.radiopharmaceuticalStartTime(), "SeriesDate (0008,0021)",
                "RadiopharmaceuticalStartTime (0018,1072)");
        } else {
            throw new SuvNotComputableException("RadiopharmaceuticalStartDateTime (0018,1078) and RadiopharmaceuticalStartTime "
                + "(0018,1072) are both missing: injection time unknown, SUV cannot be computed");
        }

        double decaySeconds = scan - injection;
        if (decaySeconds < 0) {
            throw new SuvNotComputableException("Decay time cannot be less than zero: the injection time ("
                + DicomTimes.iso(injection) + ", RadiopharmaceuticalStartDateTime (0018,1078) / RadiopharmaceuticalStartTime "
                + "(0018,1072)) is after the scan reference time (" + DicomTimes.iso(scan) + ", " + scanSource.label + ")");
        }
        double effectiveDecay = correctedToAdministration ? 0 : decaySeconds;
        double decayedDose = dose * Math.pow(2, -effectiveDecay / halfLife);
        double perDose = 1 / decayedDose;
        double weightGrams = weight * 1000;

        double[] suvbw = new double[instances.size()];
        String units = first.units();
        if ("BQML".equals(units)) {
            java.util.Arrays.fill(suvbw, perDose * weightGrams);
        } else if ("CNTS".equals(units)) {
            fillPhilipsCounts(instances, suvbw, perDose * weightGrams);
        } else if ("GML".equals(units)) {
            java.util.Arrays.fill(suvbw, 1);
        } else if (units == null || units.isBlank()) {
            throw new SuvNotComputableException("Units (0054,1001) is missing: SUV cannot be computed");
        } else {
            throw new SuvNotComputableException("Units (0054,1001) has an invalid value: " + units
                + " (expected BQML, CNTS or GML): SUV cannot be computed");
        }

        Double size = usableSize(first.patientSize());
        Double bsa = size == null ? null : BodySize.bodySurfaceAreaCm2(weight, size);
        boolean sexKnown = "M".equals(first.patientSex()) || "F".equals(first.patientSex());
        Double lbmJames = size != null && sexKnown ? BodySize.leanBodyMassJamesGrams(weight, size, first.patientSex()) : null;
        Double lbmJanma = size != null && sexKnown ? BodySize.leanBodyMassJanmahasatianGrams(weight, size, first.patientSex()) : null;

        List<SuvScalingFactors> factors = new ArrayList<>(instances.size());
        for (double bw : suvbw) {
            factors.add(new SuvScalingFactors(bw, scaled(perDose, lbmJames), scaled(perDose, lbmJanma), scaled(perDose, bsa)));
        }
        return new Computation(List.copyOf(factors), injection, scan, scanSource);
    }

    /** Upstream keeps a factor only when the normaliser is truthy (non-zero, not NaN). */
    private static Double scaled(double perDose, Double normaliser) {
        return normaliser == null || normaliser == 0 || normaliser.isNaN() ? null : perDose * normaliser;
    }

    /** PatientSize 0 is how many scanners write "unknown"; upstream would then produce ±Infinity. */
    private static Double usableSize(Double size) {
        return size == null || !(size > 0) || size.isInfinite() ? null : size;
    }

    private static boolean decayCorrectedToAdministration(String decayCorrection) throws SuvNotComputableException {
        if (decayCorrection == null || decayCorrection.isBlank()) {
            throw new SuvNotComputableException("DecayCorrection (0054,1102) is missing: the decay reference of the image "
                + "values is unknown, SUV cannot be computed");
        }
        return switch (decayCorrection.trim()) {
            case "START" -> false;
            case "ADMIN" -> true;
            case "NONE" -> throw new SuvNotComputableException("DecayCorrection (0054,1102) is NONE but CorrectedImage (0028,0051) "
                + "contains DECY: contradictory decay correction, SUV cannot be computed");
            default -> throw new SuvNotComputableException("DecayCorrection (0054,1102) has an invalid value: " + decayCorrection
                + " (expected START, ADMIN or NONE)");
        };
    }

    private static void fillPhilipsCounts(List<PetInstanceMetadata> instances, double[] out, double bqmlFactor)
        throws SuvNotComputableException {
        boolean allSuvScale = instances.stream().allMatch(i -> i.philipsSuvScaleFactor() != null && i.philipsSuvScaleFactor() != 0);
        boolean allActivityScale = instances.stream().allMatch(i -> (i.philipsSuvScaleFactor() == null || i.philipsSuvScaleFactor() == 0)
            && i.philipsActivityConcentrationScaleFactor() != null && i.philipsActivityConcentrationScaleFactor() != 0);
        if (allSuvScale) {
            for (int i = 0; i < out.length; i++) {
                out[i] = instances.get(i).philipsSuvScaleFactor();
            }
        } else if (allActivityScale) {
            // (7053,1009) × rescaled counts gives Bq/ml; then proceed as for BQML.
            for (int i = 0; i < out.length; i++) {
                out[i] = instances.get(i).philipsActivityConcentrationScaleFactor() * bqmlFactor;
            }
        } else {
            PetInstanceMetadata first = instances.get(0);
            throw new SuvNotComputableException("Units (0054,1001) are in CNTS, but PhilipsPETPrivateGroup has invalid values: "
                + "{\"SUVScaleFactor\":" + jsNumber(first.philipsSuvScaleFactor()) + ",\"ActivityConcentrationScaleFactor\":"
                + jsNumber(first.philipsActivityConcentrationScaleFactor()) + "} (Philips private SUV scale factor (7053,1000) "
                + "and activity concentration scale factor (7053,1009) are missing or zero on at least one instance): "
                + "SUV cannot be computed");
        }
    }

    private static String jsNumber(Double d) {
        if (d == null) {
            return "null";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    private static void checkSameSeries(List<PetInstanceMetadata> instances) throws SuvNotComputableException {
        record Field(String name, Function<PetInstanceMetadata, Object> get) {}
        List<Field> fields = List.of(
            new Field("Units (0054,1001)", PetInstanceMetadata::units),
            new Field("CorrectedImage (0028,0051)", PetInstanceMetadata::correctedImage),
            new Field("PatientWeight (0010,1030)", PetInstanceMetadata::patientWeight),
            new Field("PatientSex (0010,0040)", PetInstanceMetadata::patientSex),
            new Field("PatientSize (0010,1020)", PetInstanceMetadata::patientSize),
            new Field("RadionuclideHalfLife (0018,1075)", PetInstanceMetadata::radionuclideHalfLife),
            new Field("RadionuclideTotalDose (0018,1074)", PetInstanceMetadata::radionuclideTotalDose),
            new Field("DecayCorrection (0054,1102)", PetInstanceMetadata::decayCorrection),
            new Field("SeriesDate (0008,0021)", PetInstanceMetadata::seriesDate),
            new Field("SeriesTime (0008,0031)", PetInstanceMetadata::seriesTime));
        PetInstanceMetadata first = instances.get(0);
        for (int i = 1; i < instances.size(); i++) {
            for (Field f : fields) {
                Object a = f.get().apply(first);
                Object b = f.get().apply(instances.get(i));
                if (!Objects.equals(a, b)) {
                    throw new SuvNotComputableException("The set of instances does not appear to come from one Series. Every instance "
                        + "must have identical values for series-level metadata properties: " + f.name() + " is " + a
                        + " in instance 1 but " + b + " in instance " + (i + 1));
                }
            }
        }
    }

    private static double requirePositive(Double value, String attribute) throws SuvNotComputableException {
        if (value == null) {
            throw new SuvNotComputableException(attribute + " is missing: SUV cannot be computed");
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new SuvNotComputableException(attribute + " must be a positive number but is " + value + ": SUV cannot be computed");
        }
        return value;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isEmpty();
    }

    private static double time(String da, String tm, String daName, String tmName) throws SuvNotComputableException {
        if (da == null || da.isEmpty()) {
            throw new SuvNotComputableException(daName + " is missing: SUV cannot be computed");
        }
        if (tm == null || tm.isEmpty()) {
            throw new SuvNotComputableException(tmName + " is missing: SUV cannot be computed");
        }
        try {
            return DicomTimes.seconds(da, tm);
        } catch (DicomTimes.InvalidValue e) {
            throw new SuvNotComputableException(daName + " / " + tmName + ": " + e.getMessage() + " (values '" + da + "', '" + tm
                + "'): SUV cannot be computed");
        }
    }

    private static double dateTime(String dt, String name) throws SuvNotComputableException {
        try {
            return DicomTimes.secondsOfDateTime(dt);
        } catch (DicomTimes.InvalidValue e) {
            throw new SuvNotComputableException(name + ": " + e.getMessage() + ": SUV cannot be computed");
        }
    }
}
