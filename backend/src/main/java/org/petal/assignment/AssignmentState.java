package org.petal.assignment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assignment is in the review workflow:
 * ASSIGNED → IN_PROGRESS → SUBMITTED → APPROVED, or SUBMITTED → CHANGES_REQUESTED → IN_PROGRESS → ...
 * APPROVED is final.
 */
public enum AssignmentState {
    ASSIGNED, IN_PROGRESS, SUBMITTED, CHANGES_REQUESTED, APPROVED;

    /** The states this one may move to. */
    public Set<AssignmentState> next() {
        return switch (this) {
            case ASSIGNED, CHANGES_REQUESTED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(APPROVED, CHANGES_REQUESTED);
            case APPROVED -> EnumSet.noneOf(AssignmentState.class);
        };
    }

    public boolean canMoveTo(AssignmentState target) {
        return next().contains(target);
    }
}
