package org.petal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.users.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code ./petal serve --demo}: one user per role and phantom cases assigned, ready to click. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DemoDataTest {

    @Autowired UserService users;
    @Autowired AssignmentService assignments;
    @Autowired CaseService cases;

    @Test
    void theDemoAnnotatorHasThreePhantomCasesWaitingTwoOfThemAiAssisted() {
        var annotator = users.actor("annotator");
        var mine = assignments.mine(annotator);
        assertThat(mine).hasSize(DemoData.CASES).allMatch(a -> a.state() == AssignmentState.ASSIGNED);
        assertThat(mine).extracting(AssignmentView::mode).containsExactly(AssignmentMode.AI_ASSISTED,
            AssignmentMode.AI_ASSISTED, AssignmentMode.MANUAL);
        var first = cases.get(annotator, mine.get(0).caseId());
        assertThat(first.unit()).isEqualTo("SUV_BW");
        assertThat(first.dims()[2]).isGreaterThan(200);
        assertThat(assignments.mine(users.actor("annotator2"))).hasSize(1);
        for (String role : new String[] {"reviewer", "lead", "coordinator"}) {
            assertThat(users.exists(role)).as(role).isTrue();
        }
    }
}
