package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.review.Review;
import org.petal.review.ReviewService;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The lead's progress dashboard over real services and the database. */
@PetalTest
class ProgressTest {

    @Autowired TestData data;
    @Autowired AssignmentService assignments;
    @Autowired RevisionService revisions;
    @Autowired ReviewService reviews;
    @Autowired ProjectProgressService progress;
    @Autowired TestRestTemplate rest;
    @Autowired Clock clock;

    @Test
    void casesCountOnceAtTheirLeastAdvancedReadAndUnassignedCasesSeparately() {
        var t = data.team();
        long project = data.project(t.lead()).id();
        long doubleRead = data.petCase(t.lead(), project).id();
        long submittedCase = data.petCase(t.lead(), project).id();
        long startedCase = data.petCase(t.lead(), project).id();
        data.petCase(t.lead(), project);  // nobody's yet
        approved(t, assignments.assign(t.lead(), doubleRead, t.annotator().id(), AssignmentMode.AI_ASSISTED, null).id());
        assignments.assign(t.lead(), doubleRead, t.annotator2().id(), AssignmentMode.MANUAL, null);
        submitted(t.annotator(), assignments.assign(t.lead(), submittedCase, t.annotator().id(), AssignmentMode.MANUAL, null).id());
        assignments.start(t.annotator2(), assignments.assign(t.lead(), startedCase, t.annotator2().id(),
            AssignmentMode.AI_ASSISTED, null).id());

        var p = progress.of(t.lead(), project);

        assertThat(p.cases().total()).isEqualTo(4);
        assertThat(p.cases().unassigned()).isEqualTo(1);
        assertThat(p.cases().byStage()).containsEntry(AssignmentState.ASSIGNED, 1L)  // approved + not started: not started
            .containsEntry(AssignmentState.SUBMITTED, 1L).containsEntry(AssignmentState.IN_PROGRESS, 1L)
            .containsEntry(AssignmentState.APPROVED, 0L).containsEntry(AssignmentState.CHANGES_REQUESTED, 0L);
        assertThat(p.assignments().total()).isEqualTo(4);
        assertThat(p.assignments().byState()).containsEntry(AssignmentState.APPROVED, 1L)
            .containsEntry(AssignmentState.ASSIGNED, 1L).containsEntry(AssignmentState.SUBMITTED, 1L)
            .containsEntry(AssignmentState.IN_PROGRESS, 1L);
        assertThat(p.assignments().byMode()).containsEntry(AssignmentMode.AI_ASSISTED, 2L)
            .containsEntry(AssignmentMode.MANUAL, 2L);
    }

    @Test
    void eachAnnotatorsWorkIsCountedByStateAndMode() {
        var t = data.team();
        long project = data.project(t.lead()).id();
        long a = assignments.assign(t.lead(), data.petCase(t.lead(), project).id(), t.annotator().id(),
            AssignmentMode.AI_ASSISTED, null).id();
        assignments.assign(t.lead(), data.petCase(t.lead(), project).id(), t.annotator().id(), AssignmentMode.MANUAL, null);
        long sentBack = assignments.assign(t.lead(), data.petCase(t.lead(), project).id(), t.annotator2().id(),
            AssignmentMode.MANUAL, null).id();
        submitted(t.annotator(), a);
        var v = submitted(t.annotator2(), sentBack);
        reviews.decide(t.reviewer(), sentBack, v.version(), Review.Decision.CHANGES_REQUESTED, "the lesion is bigger", List.of());

        var p = progress.of(t.lead(), project);

        assertThat(p.annotators()).hasSize(2);
        var first = p.annotators().stream().filter(x -> x.annotatorId() == t.annotator().id()).findFirst().orElseThrow();
        assertThat(first.username()).isEqualTo(t.annotator().username());
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.assigned()).isEqualTo(1);
        assertThat(first.submitted()).isEqualTo(1);
        assertThat(first.aiAssisted()).isEqualTo(1);
        assertThat(first.manual()).isEqualTo(1);
        var second = p.annotators().stream().filter(x -> x.annotatorId() == t.annotator2().id()).findFirst().orElseThrow();
        assertThat(second.changesRequested()).isEqualTo(1);
        assertThat(second.total()).isEqualTo(1);
        assertThat(p.cases().byStage()).containsEntry(AssignmentState.CHANGES_REQUESTED, 1L);
    }

    @Test
    void overdueWorkIsWhatWasDueBeforeTodayAndIsNotHandedIn() {
        var t = data.team();
        long project = data.project(t.lead()).id();
        LocalDate today = LocalDate.now(clock);
        long late = assign(t, project, t.annotator(), today.minusDays(3));
        long lateButStarted = assign(t, project, t.annotator2(), today.minusDays(1));
        assignments.start(t.annotator2(), lateButStarted);
        submitted(t.annotator(), assign(t, project, t.annotator(), today.minusDays(5)));  // handed in: not overdue
        assign(t, project, t.annotator(), today);  // due today: not yet overdue
        assign(t, project, t.annotator(), null);   // no due date: never overdue

        var p = progress.of(t.lead(), project);

        assertThat(p.today()).isEqualTo(today);
        assertThat(p.overdue().count()).isEqualTo(2);
        assertThat(p.overdue().oldest()).extracting(ProjectProgressService.OverdueAssignment::assignmentId)
            .containsExactly(late, lateButStarted);
        var first = p.overdue().oldest().get(0);
        assertThat(first.daysOverdue()).isEqualTo(3);
        assertThat(first.caseKey()).startsWith("case-");
        assertThat(first.username()).isEqualTo(t.annotator().username());
        assertThat(p.annotators()).filteredOn(x -> x.annotatorId() == t.annotator().id())
            .singleElement().extracting(ProjectProgressService.AnnotatorProgress::overdue).isEqualTo(1L);
    }

    @Test
    void inProcessModeSaysSoInsteadOfListingWorkers() {
        var t = data.team();
        var p = progress.of(t.lead(), data.project(t.lead()).id());
        assertThat(p.workers().mode()).isEqualTo("in-process");
        assertThat(p.workers().connected()).isZero();
        assertThat(p.workers().workers()).isEmpty();
        assertThat(p.workers().note()).contains("engines run inside the backend");
    }

    @Test
    void anEmptyProjectHasZerosEverywhere() {
        var t = data.team();
        var p = progress.of(t.lead(), data.project(t.lead()).id());
        assertThat(p.cases().total()).isZero();
        assertThat(p.cases().byStage().values()).containsOnly(0L);
        assertThat(p.assignments().byState()).hasSize(AssignmentState.values().length);
        assertThat(p.annotators()).isEmpty();
        assertThat(p.overdue().count()).isZero();
    }

    @Test
    void theDashboardIsTheLeadsOverHttpAndOthersAreRefused() {
        var s = data.scenario();
        long project = s.project().id();
        var ok = as(s.team().lead()).getForEntity("/api/projects/" + project + "/progress", JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = ok.getBody();
        assertThat(body.get("projectName").asText()).isEqualTo(s.project().name());
        assertThat(body.at("/cases/byStage/ASSIGNED").asLong()).isEqualTo(1);
        assertThat(body.at("/assignments/byMode/AI_ASSISTED").asLong()).isEqualTo(1);
        assertThat(body.at("/annotators/0/assigned").asLong()).isEqualTo(1);
        assertThat(body.at("/workers/mode").asText()).isEqualTo("in-process");

        for (Actor other : List.of(s.team().annotator(), s.team().reviewer(), s.team().coordinator())) {
            assertThat(as(other).getForEntity("/api/projects/" + project + "/progress", String.class).getStatusCode())
                .as(other.username()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as(s.team().lead()).getForEntity("/api/projects/987654321/progress", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> progress.of(s.team().annotator(), project)).isInstanceOf(Problems.Forbidden.class);
    }

    private long assign(TestData.Team t, long project, Actor annotator, LocalDate due) {
        return assignments.assign(t.lead(), data.petCase(t.lead(), project).id(), annotator.id(), AssignmentMode.MANUAL,
            due).id();
    }

    private AssignmentView submitted(Actor annotator, long id) {
        assignments.start(annotator, id);
        revisions.accept(annotator, id, null, TestData.labelsWithCube(2), MaskRevision.Source.MANUAL);
        return revisions.submit(annotator, id, assignments.get(annotator, id).version(), null);
    }

    private void approved(TestData.Team t, long id) {
        var v = submitted(t.annotator(), id);
        reviews.decide(t.reviewer(), id, v.version(), Review.Decision.APPROVED, "", List.of());
    }

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }
}
