package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentStateTest {

    private static final Set<String> ALLOWED = Set.of(
        "ASSIGNED>IN_PROGRESS", "IN_PROGRESS>SUBMITTED", "SUBMITTED>APPROVED", "SUBMITTED>CHANGES_REQUESTED",
        "CHANGES_REQUESTED>IN_PROGRESS");

    static Stream<Arguments> everyPair() {
        return EnumSet.allOf(AssignmentState.class).stream()
            .flatMap(from -> EnumSet.allOf(AssignmentState.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void exactlyTheWorkflowsMovesAreAllowedAndEveryOtherOneIsRefused(AssignmentState from, AssignmentState to) {
        Assignment a = in(from);
        if (ALLOWED.contains(from + ">" + to)) {
            a.moveTo(to, Instant.EPOCH);
            assertThat(a.getState()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> a.moveTo(to, Instant.EPOCH)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            assertThat(a.getState()).isEqualTo(from);
        }
    }

    @Test
    void approvedIsFinal() {
        assertThat(AssignmentState.APPROVED.next()).isEmpty();
    }

    /** Walks an assignment along allowed moves into {@code state}. */
    private static Assignment in(AssignmentState state) {
        Assignment a = new Assignment(1, 2, AssignmentMode.MANUAL, null, 3, Instant.EPOCH);
        switch (state) {
            case ASSIGNED -> { }
            case IN_PROGRESS -> a.moveTo(AssignmentState.IN_PROGRESS, Instant.EPOCH);
            case SUBMITTED -> walk(a, AssignmentState.IN_PROGRESS, AssignmentState.SUBMITTED);
            case CHANGES_REQUESTED -> walk(a, AssignmentState.IN_PROGRESS, AssignmentState.SUBMITTED,
                AssignmentState.CHANGES_REQUESTED);
            case APPROVED -> walk(a, AssignmentState.IN_PROGRESS, AssignmentState.SUBMITTED, AssignmentState.APPROVED);
        }
        return a;
    }

    private static void walk(Assignment a, AssignmentState... states) {
        for (AssignmentState s : states) {
            a.moveTo(s, Instant.EPOCH);
        }
    }
}
