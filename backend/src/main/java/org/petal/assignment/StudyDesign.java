package org.petal.assignment;

/** Which arm(s) of the time study a bulk assignment fills. */
public enum StudyDesign {
    /** Every read with the AI engines. */
    AI_ASSISTED_ONLY,
    /** Every read by hand (brush only). */
    MANUAL_ONLY,
    /**
     * Balanced crossover: each annotator reads half of their cases in each mode (± 1), and with double
     * reading every case is read once in each mode by two different annotators. See {@link StudyPlanner}.
     */
    CROSSOVER
}
