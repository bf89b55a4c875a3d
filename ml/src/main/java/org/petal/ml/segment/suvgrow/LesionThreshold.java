package org.petal.ml.segment.suvgrow;

/** How the lesion threshold (SUV) is derived from the lesion's peak. */
public enum LesionThreshold {
    /** {@code fraction · SUVmax} (41 % by default, the usual clinical iso-contour). */
    PERCENT_OF_MAX,
    /** A fixed SUV, {@code fixedSuv} (2.5 by default), the classic "SUV ≥ 2.5" rule. */
    FIXED_SUV,
    /**
     * {@code bg + fraction · (SUVmax − bg)}, {@code bg} the mean SUV of a shell around the lesion: corrects
     * the percent rule for lesions in hot surroundings (liver, mediastinum).
     */
    BACKGROUND_ADAPTIVE
}
