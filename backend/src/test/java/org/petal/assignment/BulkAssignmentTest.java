package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.petal.assignment.BulkAssignmentService.Request;
import org.petal.cases.CaseView;
import org.petal.projects.ProjectService;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** A lead's bulk assignment with a study design, through the real services, database and REST API. */
@PetalTest
class BulkAssignmentTest {

    @Autowired TestData data;
    @Autowired BulkAssignmentService bulk;
    @Autowired AssignmentService assignments;
    @Autowired TestRestTemplate rest;
    @Autowired Clock clock;

    @Test
    void aDoubleReadCrossoverGivesEveryCaseOneAiAssistedAndOneManualReadByTwoAnnotators() {
        var study = study(5, 3);
        LocalDate due = LocalDate.now(clock).plusDays(14);
        var r = rest.withBasicAuth(study.lead().username(), "password-" + study.lead().username()).postForEntity(
            "/api/projects/" + study.project().id() + "/assignments/bulk",
            Map.of("caseIds", study.caseIds(), "annotatorIds", study.annotatorIds(), "reading", "DOUBLE",
                "design", "CROSSOVER", "dueDate", due.toString()), JsonNode.class);

        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody().get("created").asInt()).isEqualTo(10);
        assertThat(r.getBody().get("reads")).hasSize(10).allSatisfy(read -> assertThat(read.get("assignmentId").isNumber()).isTrue());
        for (long caseId : study.caseIds()) {
            List<AssignmentView> reads = assignments.ofCase(study.lead(), caseId);
            assertThat(reads).extracting(AssignmentView::mode)
                .containsExactlyInAnyOrder(AssignmentMode.AI_ASSISTED, AssignmentMode.MANUAL);
            assertThat(reads).extracting(AssignmentView::annotatorId).doesNotHaveDuplicates();
            assertThat(reads).extracting(AssignmentView::dueDate).containsOnly(due);
            assertThat(reads).extracting(AssignmentView::state).containsOnly(AssignmentState.ASSIGNED);
        }
        // 10 reads over 3 annotators: 4, 3, 3, each split as evenly as it goes.
        assertThat(r.getBody().get("annotators")).extracting(a -> a.get("total").asInt()).containsExactlyInAnyOrder(4, 3, 3);
        r.getBody().get("annotators").forEach(a ->
            assertThat(Math.abs(a.get("aiAssisted").asInt() - a.get("manual").asInt())).isLessThanOrEqualTo(1));
    }

    @Test
    void eachAnnotatorFindsTheirReadsInTheirWorklist() {
        var study = study(4, 2);
        bulk.assign(study.lead(), study.project().id(), request(study, Reading.SINGLE, StudyDesign.CROSSOVER));
        for (Actor annotator : study.annotators()) {
            List<AssignmentView> mine = assignments.mine(annotator);
            assertThat(mine).hasSize(2);
            assertThat(mine).extracting(AssignmentView::mode)
                .containsExactlyInAnyOrder(AssignmentMode.AI_ASSISTED, AssignmentMode.MANUAL);
        }
    }

    @Test
    void repeatingTheSameRequestCreatesNothingAndAnswersTheSamePlan() {
        var study = study(7, 3);
        Request request = request(study, Reading.DOUBLE, StudyDesign.CROSSOVER);
        var first = bulk.assign(study.lead(), study.project().id(), request);
        var again = bulk.assign(study.lead(), study.project().id(), request);

        assertThat(first.created()).isEqualTo(14);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(14);
        assertThat(again.reads()).isEqualTo(first.reads());
        assertThat(study.caseIds().stream().mapToInt(c -> assignments.ofCase(study.lead(), c).size()).sum()).isEqualTo(14);

        var overHttp = rest.withBasicAuth(study.lead().username(), "password-" + study.lead().username()).postForEntity(
            "/api/projects/" + study.project().id() + "/assignments/bulk", Map.of("caseIds", study.caseIds(),
                "annotatorIds", study.annotatorIds(), "reading", "DOUBLE", "design", "CROSSOVER"), JsonNode.class);
        assertThat(overHttp.getStatusCode()).as("a repeat creates nothing: 200, not 201").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPreviewShowsThePlanAndCreatesNothing() {
        var study = study(3, 2);
        var preview = bulk.preview(study.lead(), study.project().id(), request(study, Reading.SINGLE, StudyDesign.MANUAL_ONLY));

        assertThat(preview.preview()).isTrue();
        assertThat(preview.created()).isEqualTo(3);
        assertThat(preview.reads()).extracting(BulkAssignmentService.Read::assignmentId).containsOnlyNulls();
        assertThat(preview.reads()).extracting(BulkAssignmentService.Read::mode).containsOnly(AssignmentMode.MANUAL);
        assertThat(study.caseIds()).allSatisfy(c -> assertThat(assignments.ofCase(study.lead(), c)).isEmpty());
        var created = bulk.assign(study.lead(), study.project().id(), request(study, Reading.SINGLE, StudyDesign.MANUAL_ONLY));
        assertThat(created.reads()).extracting(BulkAssignmentService.Read::caseId, BulkAssignmentService.Read::annotatorId)
            .isEqualTo(preview.reads().stream().map(x -> tuple(x.caseId(), x.annotatorId())).toList());
    }

    @Test
    void onlyALeadAssignsInBulk() {
        var study = study(2, 2);
        Request request = request(study, Reading.SINGLE, StudyDesign.CROSSOVER);
        assertThatThrownBy(() -> bulk.assign(study.annotators().get(0), study.project().id(), request))
            .isInstanceOf(Problems.Forbidden.class);
        var r = rest.withBasicAuth(study.annotators().get(0).username(), "password-" + study.annotators().get(0).username())
            .postForEntity("/api/projects/" + study.project().id() + "/assignments/bulk", Map.of("caseIds", study.caseIds(),
                "annotatorIds", study.annotatorIds(), "reading", "SINGLE", "design", "CROSSOVER"), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void usersWhoAreNotAnnotatorsAreRefusedByName() {
        var study = study(2, 2);
        Actor reviewer = data.user("rev" + unique(), Role.REVIEWER);
        var request = new Request(study.caseIds(), List.of(study.annotatorIds().get(0), reviewer.id(), 987_654_321L),
            Reading.SINGLE, StudyDesign.CROSSOVER, null);
        assertThatThrownBy(() -> bulk.assign(study.lead(), study.project().id(), request))
            .isInstanceOf(Problems.BadRequest.class)
            .hasMessage("users " + reviewer.id() + ", 987654321 are not annotators");
    }

    @Test
    void casesOfAnotherProjectAreRefused() {
        var study = study(2, 2);
        var other = data.project(study.lead());
        CaseView foreign = data.petCase(study.lead(), other.id());
        var request = new Request(List.of(study.caseIds().get(0), foreign.id()), study.annotatorIds(), Reading.SINGLE,
            StudyDesign.CROSSOVER, null);
        assertThatThrownBy(() -> bulk.assign(study.lead(), study.project().id(), request))
            .isInstanceOf(Problems.BadRequest.class)
            .hasMessage("case " + foreign.id() + " is not a case of project " + study.project().id());
        assertThat(assignments.ofCase(study.lead(), study.caseIds().get(0))).as("all or nothing").isEmpty();
    }

    @Test
    void aCaseAlreadyAssignedToThatAnnotatorInTheOtherModeIsRefusedAndNothingIsCreated() {
        var study = study(4, 2);
        var plan = bulk.preview(study.lead(), study.project().id(), request(study, Reading.SINGLE, StudyDesign.CROSSOVER));
        var read = plan.reads().get(2);
        AssignmentMode other = read.mode() == AssignmentMode.MANUAL ? AssignmentMode.AI_ASSISTED : AssignmentMode.MANUAL;
        assignments.assign(study.lead(), read.caseId(), read.annotatorId(), other, null);

        assertThatThrownBy(() -> bulk.assign(study.lead(), study.project().id(), request(study, Reading.SINGLE,
            StudyDesign.CROSSOVER)))
            .isInstanceOf(Problems.Conflict.class)
            .hasMessageContaining("1 planned read clashes with existing assignments: case " + read.caseId() + " is assigned to ")
            .hasMessageContaining("already (" + other + "; the plan says " + read.mode() + ")");
        assertThat(study.caseIds().stream().mapToInt(c -> assignments.ofCase(study.lead(), c).size()).sum())
            .as("only the one made by hand").isEqualTo(1);
    }

    @Test
    void doubleReadingWithOneAnnotatorIsRefused() {
        var study = study(2, 1);
        assertThatThrownBy(() -> bulk.assign(study.lead(), study.project().id(), request(study, Reading.DOUBLE,
            StudyDesign.CROSSOVER)))
            .isInstanceOf(Problems.BadRequest.class).hasMessage("double reading needs at least two annotators; 1 given");
    }

    @Test
    void aDueDateInThePastAMissingDesignAndRepeatedIdsAreRefused() {
        var study = study(2, 2);
        long project = study.project().id();
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        assertThatThrownBy(() -> bulk.assign(study.lead(), project, new Request(study.caseIds(), study.annotatorIds(),
            Reading.SINGLE, StudyDesign.CROSSOVER, yesterday)))
            .isInstanceOf(Problems.BadRequest.class).hasMessageContaining("is in the past");
        assertThatThrownBy(() -> bulk.assign(study.lead(), project, new Request(study.caseIds(), study.annotatorIds(),
            Reading.SINGLE, null, null)))
            .isInstanceOf(Problems.BadRequest.class).hasMessageContaining("CROSSOVER");
        long c = study.caseIds().get(0);
        assertThatThrownBy(() -> bulk.assign(study.lead(), project, new Request(List.of(c, c), study.annotatorIds(),
            Reading.SINGLE, StudyDesign.CROSSOVER, null)))
            .isInstanceOf(Problems.BadRequest.class).hasMessage("case ids given more than once: " + c);
        var overHttp = rest.withBasicAuth(study.lead().username(), "password-" + study.lead().username()).postForEntity(
            "/api/projects/" + project + "/assignments/bulk", Map.of("caseIds", List.of(), "annotatorIds",
                study.annotatorIds(), "reading", "SINGLE", "design", "CROSSOVER"), JsonNode.class);
        assertThat(overHttp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overHttp.getBody().get("detail").asText()).isEqualTo("choose at least one case");
        var unknownDesign = rest.withBasicAuth(study.lead().username(), "password-" + study.lead().username()).postForEntity(
            "/api/projects/" + project + "/assignments/bulk", Map.of("caseIds", study.caseIds(), "annotatorIds",
                study.annotatorIds(), "reading", "TRIPLE", "design", "CROSSOVER"), JsonNode.class);
        assertThat(unknownDesign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownDesign.getBody().get("detail").asText()).isEqualTo("reading: 'TRIPLE' is not one of [SINGLE, DOUBLE]");
    }

    /** A lead, a project with {@code cases} cases, and {@code annotators} annotators. */
    record Study(Actor lead, ProjectService.ProjectView project, List<Long> caseIds, List<Actor> annotators) {
        List<Long> annotatorIds() {
            return annotators.stream().map(Actor::id).toList();
        }
    }

    private Study study(int cases, int annotators) {
        Actor lead = data.user("lead" + unique(), Role.LEAD);
        var project = data.project(lead);
        List<Long> caseIds = IntStream.range(0, cases).mapToObj(i -> data.petCase(lead, project.id()).id()).toList();
        List<Actor> people = IntStream.range(0, annotators).mapToObj(i -> data.user("ann" + unique(), Role.ANNOTATOR)).toList();
        return new Study(lead, project, caseIds, people);
    }

    private static Request request(Study s, Reading reading, StudyDesign design) {
        return new Request(s.caseIds(), s.annotatorIds(), reading, design, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
