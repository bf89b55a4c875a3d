package org.petal.cases.imports;

import java.time.Instant;

/**
 * An import job as clients see it. {@code progress} runs 0..1 by stages (upload received, archive
 * extracted, voxels stored, case registered), not by bytes; {@code caseId} is set once DONE;
 * {@code message} says what happens now, why it FAILED, or what the lead should know about a DONE import
 * (e.g. values stored as "unknown (not SUV)").
 */
public record ImportJobView(long id, long projectId, long createdBy, String fileName, ImportState state,
                            double progress, String message, Long caseId, Instant createdAt, Instant updatedAt) {

    static ImportJobView of(ImportJob j) {
        return new ImportJobView(j.getId(), j.getProjectId(), j.getCreatedBy(), j.getFileName(), j.getState(),
            j.getProgress(), j.getMessage(), j.getCaseId(), j.getCreatedAt(), j.getUpdatedAt());
    }
}
