package org.petal.ml.suv;

/**
 * Body-size normalisers used by SUVlbm and SUVbsa, written exactly as {@code @cornerstonejs/calculate-suv}
 * 1.1.0 computes them so factors match that library to the last bit where the platform's {@code pow} agrees.
 *
 * <p>Note on James: calculate-suv 1.1.0 uses 1.10·W − 120·(W/H)² for men, whereas the literature value of
 * the male coefficient is 128. We keep 120 on purpose (compatibility is the requirement); a lead who wants
 * the literature value can recompute from the weight, height and sex kept in {@code SuvParameters}.
 */
public final class BodySize {

    private BodySize() {}

    /** Lean body mass in grams by James (calculate-suv 1.1.0 coefficients), height in metres, sex "M" or "F". */
    public static double leanBodyMassJamesGrams(double weightKg, double heightM, String sex) {
        double weightSizeFactor = Math.pow(weightKg / (heightM * 100), 2);
        double lbmKg;
        if ("F".equals(sex)) {
            lbmKg = 1.07 * weightKg - 148 * weightSizeFactor;
        } else if ("M".equals(sex)) {
            lbmKg = 1.1 * weightKg - 120 * weightSizeFactor;
        } else {
            throw new IllegalArgumentException("PatientSex is an invalid value: " + sex);
        }
        return lbmKg * 1000;
    }

    /** Lean body mass in grams by Janmahasatian et al. 2005, height in metres, sex "M" or "F". */
    public static double leanBodyMassJanmahasatianGrams(double weightKg, double heightM, String sex) {
        double bodyMassIndex = weightKg / Math.pow(heightM, 2);
        double lbmKg;
        if ("F".equals(sex)) {
            lbmKg = 9270 * weightKg / (8780 + 244 * bodyMassIndex);
        } else if ("M".equals(sex)) {
            lbmKg = 9270 * weightKg / (6680 + 216 * bodyMassIndex);
        } else {
            throw new IllegalArgumentException("PatientSex is an invalid value: " + sex);
        }
        return lbmKg * 1000;
    }

    /** Body surface area in cm² by Du Bois (71.84 · W^0.425 · H_cm^0.725), height in metres. */
    public static double bodySurfaceAreaCm2(double weightKg, double heightM) {
        return Math.pow(weightKg, 0.425) * Math.pow(heightM * 100, 0.725) * 71.84;
    }
}
