package org.petal.cases;

import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: leads, reviewers, coordinators and admins see every case; an annotator sees only
 * the cases assigned to them (answered by the assignment feature through {@link AssignedCases}).
 */
@Component
public class CaseAccess {

    /** Implemented by the assignment feature, so cases need not depend on it. */
    public interface AssignedCases {
        boolean isAssigned(long caseId, long annotatorId);
    }

    private final AssignedCases assigned;

    CaseAccess(AssignedCases assigned) {
        this.assigned = assigned;
    }

    boolean canRead(Actor actor, PetCase c) {
        return actor.has(Role.LEAD) || actor.has(Role.REVIEWER) || actor.has(Role.COORDINATOR) || actor.has(Role.ADMIN)
            || assigned.isAssigned(c.getId(), actor.id());
    }

    void requireRead(Actor actor, PetCase c) {
        if (!canRead(actor, c)) {
            // Not "forbidden": an annotator must not learn which case ids exist beyond their own.
            throw new Problems.NotFound("no case " + c.getId());
        }
    }
}
