package org.petal.assignment;

import org.petal.system.Problems;

/** A workflow move the state machine does not allow (answered as 409 Conflict). */
public class IllegalTransitionException extends Problems.Conflict {

    IllegalTransitionException(Long id, AssignmentState from, AssignmentState to) {
        super("assignment " + id + " is " + from + " and cannot become " + to
            + (from.next().isEmpty() ? " (it is final)" : "; allowed: " + from.next()));
    }
}
