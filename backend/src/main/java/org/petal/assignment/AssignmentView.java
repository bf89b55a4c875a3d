package org.petal.assignment;

import java.time.Instant;
import java.time.LocalDate;

/** An assignment as clients see it; {@code version} must come back with every state change. */
public record AssignmentView(long id, long caseId, long annotatorId, AssignmentMode mode, AssignmentState state,
                             LocalDate dueDate, Instant updatedAt, long version) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.getId(), a.getCaseId(), a.getAnnotatorId(), a.getMode(), a.getState(), a.getDueDate(),
            a.getUpdatedAt(), a.getVersion());
    }
}
