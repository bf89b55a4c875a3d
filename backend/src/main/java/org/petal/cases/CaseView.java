package org.petal.cases;

import java.time.Instant;

/**
 * A case as clients see it. {@code unit} is SUV_BW only when values may be read as SUV; {@code suvScale}
 * is 1 unless a lead corrected weight or dose (then it multiplies every stored value).
 */
public record CaseView(long id, long projectId, String caseKey, int[] dims, double[] spacingMm, String unit,
                       String suvSource, Double patientWeightKg, Double injectedDoseBq, double suvScale,
                       SuvCorrection correction, String checksumSha256, long version) {

    /** Who corrected the SUV parameters, to what, when and why. */
    public record SuvCorrection(Double weightKg, Double doseBq, Long by, Instant at, String note) {}

    static CaseView of(PetCase c) {
        SuvCorrection correction = c.getSuvCorrectedAt() == null ? null : new SuvCorrection(c.getCorrectedWeightKg(),
            c.getCorrectedDoseBq(), c.getSuvCorrectedBy(), c.getSuvCorrectedAt(), c.getSuvCorrectionNote());
        return new CaseView(c.getId(), c.getProjectId(), c.getCaseKey(), c.dims(), c.spacing(), c.getPetUnit().name(),
            c.getSuvSource(), c.getPatientWeightKg(), c.getInjectedDoseBq(), c.getSuvScale(), correction,
            c.getChecksumSha256(), c.getVersion());
    }
}
