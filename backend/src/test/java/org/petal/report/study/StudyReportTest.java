package org.petal.report.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petal.annotation.EventType;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseView;
import org.petal.projects.ProjectService;
import org.petal.review.Review;
import org.petal.review.ReviewService;
import org.petal.support.PetalTest;
import org.petal.support.TestClock;
import org.petal.support.TestData;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The study report over a hand-computed crossover: annotators A and B, cases X and Y; A reads X with the AI and
 * Y by hand, B the other way round. Every event is recorded through the real services at a known server time
 * (idle threshold 60 s), so each active time below is a sum of gaps worked out by hand.
 */
@PetalTest
class StudyReportTest {

    private static final int LIVER = 1;   // ORGAN in TestData's project
    private static final int LESION = 2;  // LESION
    private static final Instant W10 = Instant.parse("2026-03-02T09:00:00Z");  // Monday of ISO week 2026-W10
    private static final Instant W11 = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant W12 = Instant.parse("2026-03-17T12:00:00Z");

    @Autowired TestData data;
    @Autowired TestClock clock;
    @Autowired AssignmentService assignments;
    @Autowired InteractionLog log;
    @Autowired RevisionService revisions;
    @Autowired ReviewService reviews;
    @Autowired StudyReportService study;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void backToTheSystemClock() {
        clock.release();
    }

    /** One action {@code at} seconds after the sitting opened; ACCEPT stores {@code mask}, SUBMIT hands in. */
    record Step(double at, EventType type, Integer label) {}

    private static Step at(double seconds, EventType type, Integer label) {
        return new Step(seconds, type, label);
    }

    private static Step at(double seconds, EventType type) {
        return new Step(seconds, type, null);
    }

    /** Assigns the case, opens it at {@code start} and performs the steps at their times. */
    private AssignmentView read(Actor lead, Actor annotator, long caseId, AssignmentMode mode, Instant start, byte[] mask,
                                Step... steps) {
        clock.set(start);
        long id = assignments.assign(lead, caseId, annotator.id(), mode, null).id();
        long session = log.open(annotator, id);
        for (Step s : steps) {
            clock.set(start.plusMillis((long) (s.at() * 1000)));
            switch (s.type()) {
                case ACCEPT -> revisions.accept(annotator, id, session, mask,
                    mode == AssignmentMode.AI_ASSISTED ? MaskRevision.Source.AI : MaskRevision.Source.MANUAL);
                case SUBMIT -> revisions.submit(annotator, id, assignments.get(annotator, id).version(), session);
                case CLICK_INCLUDE, CLICK_EXCLUDE -> log.record(annotator, id, session, s.type(), s.label(), "suv-grow", 20.0, null);
                default -> log.record(annotator, id, session, s.type(), s.label(), null, null, null);
            }
        }
        return assignments.get(annotator, id);
    }

    private void decide(Actor reviewer, AssignmentView a, Instant at, Review.Decision decision) {
        clock.set(at);
        reviews.decide(reviewer, a.id(), assignments.get(reviewer, a.id()).version(), decision, "looked at it", List.of());
    }

    /** TestData's lesion cube (4³ at the centre), optionally shifted by one voxel along i, over a liver slab. */
    private static byte[] mask(boolean shiftLesion, boolean liver) {
        byte[] cube = TestData.labelsWithCube(LESION);
        byte[] m = new byte[cube.length];
        int n = TestData.N;
        for (int v = 0; v < cube.length; v++) {
            if (cube[v] != 0) {
                m[shiftLesion ? v + 1 : v] = (byte) LESION;
            }
        }
        if (liver) {
            Arrays.fill(m, 0, 2 * n * n, (byte) LIVER);  // slices k = 0 and 1
        }
        return m;
    }

    record Crossover(TestData.Team team, ProjectService.ProjectView project, CaseView x, CaseView y,
                     AssignmentView ax, AssignmentView bx, AssignmentView ay, AssignmentView by, AssignmentView az) {
        Actor a() { return team.annotator(); }
        Actor b() { return team.annotator2(); }
    }

    private Crossover crossover() {
        TestData.Team t = data.team();
        ProjectService.ProjectView p = data.project(t.lead());
        CaseView x = data.petCase(t.lead(), p.id());
        CaseView y = data.petCase(t.lead(), p.id());
        CaseView z = data.petCase(t.lead(), p.id());
        Actor a = t.annotator();
        Actor b = t.annotator2();
        // A, X, AI: liver 10 + 4, lesion 6, case 5 + 2 = 27 s active, 27 s wall.
        var ax = read(t.lead(), a, x.id(), AssignmentMode.AI_ASSISTED, W10, mask(false, true),
            at(10, EventType.CLICK_INCLUDE, LIVER), at(14, EventType.CLICK_INCLUDE, LIVER),
            at(20, EventType.CLICK_INCLUDE, LESION), at(25, EventType.ACCEPT), at(27, EventType.SUBMIT));
        // B, X, manual: liver 30 + 30, away 140 s (idle), lesion 30, case 10 + 5 = 105 s active, 245 s wall.
        var bx = read(t.lead(), b, x.id(), AssignmentMode.MANUAL, W10.plusSeconds(3600), mask(true, true),
            at(30, EventType.BRUSH, LIVER), at(60, EventType.BRUSH, LIVER), at(200, EventType.BRUSH, LESION),
            at(230, EventType.BRUSH, LESION), at(240, EventType.ACCEPT), at(245, EventType.SUBMIT));
        // A, Y, manual: liver 30, lesion 30 + 5 + 20, case 5 + 5 = 95 s.
        var ay = read(t.lead(), a, y.id(), AssignmentMode.MANUAL, W11, mask(false, false),
            at(30, EventType.BRUSH, LIVER), at(60, EventType.BRUSH, LESION), at(65, EventType.UNDO, LESION),
            at(85, EventType.BRUSH, LESION), at(90, EventType.ACCEPT), at(95, EventType.SUBMIT));
        // B, Y, AI: lesion 8 + 4, liver 18, case 3 + 2 = 35 s.
        var by = read(t.lead(), b, y.id(), AssignmentMode.AI_ASSISTED, W11.plusSeconds(3600), mask(false, false),
            at(8, EventType.CLICK_INCLUDE, LESION), at(12, EventType.CLICK_EXCLUDE, LESION),
            at(30, EventType.CLICK_INCLUDE, LIVER), at(33, EventType.ACCEPT), at(35, EventType.SUBMIT));
        // Work in progress has no final time: A on Z, opened and clicked, never submitted.
        var az = read(t.lead(), a, z.id(), AssignmentMode.AI_ASSISTED, W11.plusSeconds(7200), null,
            at(10, EventType.CLICK_INCLUDE, LESION));
        decide(t.reviewer(), ax, W12, Review.Decision.APPROVED);
        decide(t.reviewer(), bx, W12.plusSeconds(60), Review.Decision.APPROVED);
        clock.release();
        return new Crossover(t, p, x, y, assignments.get(t.lead(), ax.id()), assignments.get(t.lead(), bx.id()), ay, by, az);
    }

    private static StudyReport.CaseTime timeOf(StudyReport r, AssignmentView a) {
        return r.timePerCase().cases().stream().filter(c -> c.assignmentId() == a.id()).findFirst().orElseThrow();
    }

    private static StudyReport.Saved savedOf(StudyReport r, String kind) {
        return r.perLabelKind().stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow().saved();
    }

    @Test
    void activeAndWallTimePerCaseAreTheHandComputedSumsAndWorkInProgressIsLeftOut() {
        Crossover c = crossover();
        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        assertThat(r.timePerCase().cases()).extracting(StudyReport.CaseTime::assignmentId)
            .containsExactly(c.ax().id(), c.bx().id(), c.ay().id(), c.by().id());
        assertThat(timeOf(r, c.ax()).activeSeconds()).isCloseTo(27, within(1e-9));
        assertThat(timeOf(r, c.bx()).activeSeconds()).isCloseTo(105, within(1e-9));
        assertThat(timeOf(r, c.bx()).wallSeconds()).isCloseTo(245, within(1e-9));
        assertThat(timeOf(r, c.ay()).activeSeconds()).isCloseTo(95, within(1e-9));
        assertThat(timeOf(r, c.by()).activeSeconds()).isCloseTo(35, within(1e-9));
        assertThat(timeOf(r, c.ax()).state()).isEqualTo(AssignmentState.APPROVED);
        assertThat(timeOf(r, c.ay()).caseKey()).isEqualTo(c.y().caseKey());

        var ai = r.timePerCase().byMode().get(0);
        assertThat(ai.mode()).isEqualTo(AssignmentMode.AI_ASSISTED);
        assertThat(ai.activeSeconds()).isEqualTo(new StudyReport.BoxStats(2, 27.0, 29.0, 31.0, 33.0, 35.0, 31.0));
        var manual = r.timePerCase().byMode().get(1);
        assertThat(manual.activeSeconds().median()).isCloseTo(100, within(1e-9));
        assertThat(manual.wallSeconds().max()).isCloseTo(245, within(1e-9));
    }

    @Test
    void aiAssistanceSavedSixtyNinePercentOfActiveTimeOverallAndPerAnnotatorAndLabelKind() {
        Crossover c = crossover();
        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        // mean AI (27 + 35) / 2 = 31 s, mean manual (105 + 95) / 2 = 100 s.
        assertThat(r.saved().savedPercent()).isCloseTo(69, within(1e-9));
        assertThat(r.saved().ciLowPercent()).isCloseTo(100 * (1 - 35.0 / 95), within(1e-9));
        assertThat(r.saved().ciHighPercent()).isCloseTo(100 * (1 - 27.0 / 105), within(1e-9));

        assertThat(r.perAnnotator()).extracting(StudyReport.AnnotatorSaved::annotatorId)
            .containsExactly(c.a().id(), c.b().id());
        assertThat(r.perAnnotator().get(0).saved().savedPercent()).isCloseTo(100 * (1 - 27.0 / 95), within(1e-9));
        assertThat(r.perAnnotator().get(1).saved().savedPercent()).isCloseTo(100 * (1 - 35.0 / 105), within(1e-9));
        assertThat(r.perAnnotator().get(0).annotator()).isEqualTo(c.a().username());

        // Liver: AI 14 and 18 s, manual 60 and 30 s; lesion: AI 6 and 12, manual 30 and 55; no label: 7 and 5, 15 and 10.
        assertThat(savedOf(r, "ORGAN").savedPercent()).isCloseTo(100 * (1 - 16.0 / 45), within(1e-9));
        assertThat(savedOf(r, "LESION").savedPercent()).isCloseTo(100 * (1 - 9.0 / 42.5), within(1e-9));
        assertThat(savedOf(r, "WHOLE_CASE").savedPercent()).isCloseTo(52, within(1e-9));
        assertThat(savedOf(r, "LESION").nManual()).isEqualTo(2);
    }

    @Test
    void clicksAndEditsPerCaseCountEveryClickBrushStrokeAndUndo() {
        Crossover c = crossover();
        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        assertThat(r.edits().cases()).extracting(StudyReport.CaseEdits::assignmentId, StudyReport.CaseEdits::clicks,
                StudyReport.CaseEdits::brushStrokes, StudyReport.CaseEdits::undos, StudyReport.CaseEdits::edits)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(c.ax().id(), 3, 0, 0, 3),
                org.assertj.core.groups.Tuple.tuple(c.bx().id(), 0, 4, 0, 4),
                org.assertj.core.groups.Tuple.tuple(c.ay().id(), 0, 3, 1, 4),
                org.assertj.core.groups.Tuple.tuple(c.by().id(), 3, 0, 0, 3));
        assertThat(r.edits().byMode().get(1).edits().mean()).isEqualTo(4.0);
    }

    @Test
    void readersAgreeWithDicePerLabelBetweenTheirNewestRevisions() {
        Crossover c = crossover();
        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        assertThat(r.agreement().pairs()).hasSize(2);
        StudyReport.Pair x = r.agreement().pairs().get(0);
        assertThat(x.caseId()).isEqualTo(c.x().id());
        assertThat(x.comparison()).isEqualTo(StudyReport.Comparison.AI_VS_MANUAL);
        assertThat(x.assignmentA()).isEqualTo(c.ax().id());
        assertThat(x.labels()).extracting(StudyReport.LabelDice::label, StudyReport.LabelDice::overlap,
                StudyReport.LabelDice::dice)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(LIVER, 2L * 24 * 24, 1.0),
                org.assertj.core.groups.Tuple.tuple(LESION, 48L, 0.75));
        StudyReport.Pair y = r.agreement().pairs().get(1);
        assertThat(y.labels().get(0).dice()).as("no liver in either map of Y").isNull();
        assertThat(y.labels().get(1).dice()).isEqualTo(1.0);

        var lesion = r.agreement().summary().stream()
            .filter(s -> s.group().equals("AI_VS_MANUAL") && s.label() == LESION).findFirst().orElseThrow();
        assertThat(lesion.dice().n()).isEqualTo(2);
        assertThat(lesion.dice().mean()).isCloseTo(0.875, within(1e-12));
        var liver = r.agreement().summary().stream()
            .filter(s -> s.group().equals("READERS") && s.label() == LIVER).findFirst().orElseThrow();
        assertThat(liver.dice().n()).as("Y's empty liver pair is left out").isEqualTo(1);
    }

    @Test
    void aPairsOverlapIsComputedOnceAndLaterReportsReadItFromTheAgreementTable() {
        Crossover c = crossover();
        study.report(c.team().coordinator(), c.project().id());
        long rx = revisions.list(c.a(), c.ax().id()).get(0).id();
        long rbx = revisions.list(c.b(), c.bx().id()).get(0).id();
        assertThat(jdbc.queryForObject("select count(*) from study_agreement where revision_a = ? and revision_b = ?",
            Long.class, Math.min(rx, rbx), Math.max(rx, rbx))).isEqualTo(2);
        // Were the report to inflate the label maps again, it would not see this.
        jdbc.update("update study_agreement set overlap = 0 where revision_a = ? and revision_b = ? and label_value = ?",
            Math.min(rx, rbx), Math.max(rx, rbx), LESION);
        StudyReport again = study.report(c.team().lead(), c.project().id());
        assertThat(again.agreement().pairs().get(0).labels().get(1).dice()).isEqualTo(0.0);
    }

    @Test
    void throughputCountsFirstSubmissionsResubmissionsAndApprovalsPerIsoWeekWithEmptyWeeksIncluded() {
        Crossover c = crossover();
        // Y by A goes back and is handed in again two weeks later.
        decide(c.team().reviewer(), c.ay(), W11.plusSeconds(86_400), Review.Decision.CHANGES_REQUESTED);
        clock.set(W12.plusSeconds(7 * 86_400));
        long session = log.open(c.a(), c.ay().id());
        clock.advance(Duration.ofSeconds(20));
        revisions.submit(c.a(), c.ay().id(), assignments.get(c.a(), c.ay().id()).version(), session);
        clock.release();

        StudyReport r = study.report(c.team().coordinator(), c.project().id());
        assertThat(r.throughput()).containsExactly(
            new StudyReport.WeekThroughput("2026-W10", LocalDate.parse("2026-03-02"), 2, 0, 0),
            new StudyReport.WeekThroughput("2026-W11", LocalDate.parse("2026-03-09"), 2, 0, 0),
            new StudyReport.WeekThroughput("2026-W12", LocalDate.parse("2026-03-16"), 0, 0, 2),
            new StudyReport.WeekThroughput("2026-W13", LocalDate.parse("2026-03-23"), 0, 1, 0));
        assertThat(timeOf(r, c.ay()).activeSeconds()).as("the second sitting's 20 s count too")
            .isCloseTo(95 + 20, within(1e-9));
    }

    @Test
    void annotatorsAndReviewersAreRefusedTheStudyInTheServiceAndOverRest() {
        Crossover c = crossover();
        long project = c.project().id();
        assertThatThrownBy(() -> study.report(c.a(), project)).isInstanceOf(Problems.Forbidden.class);
        assertThatThrownBy(() -> study.report(c.team().reviewer(), project)).isInstanceOf(Problems.Forbidden.class);
        assertThatThrownBy(() -> study.csv(c.team().reviewer(), project, "saved")).isInstanceOf(Problems.Forbidden.class);
        for (Actor refused : List.of(c.a(), c.team().reviewer(), c.team().reviewingAnnotator())) {
            assertThat(as(refused).getForEntity("/api/projects/" + project + "/study", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(refused).getForEntity("/api/projects/" + project + "/study/saved.csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as(c.team().lead()).getForEntity("/api/projects/" + project + "/study", String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyTableDownloadsAsCsvWithItsColumns() {
        Crossover c = crossover();
        String base = "/api/projects/" + c.project().id() + "/study/";
        var timeCsv = as(c.team().coordinator()).getForEntity(base + "time-per-case.csv", String.class);
        assertThat(timeCsv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timeCsv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(timeCsv.getHeaders().getContentDisposition().getFilename())
            .isEqualTo("petal-study-" + c.project().id() + "-time-per-case.csv");
        List<String> lines = timeCsv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("assignment_id,case_id,case_key,annotator_id,annotator,mode,state,active_s,wall_s");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).isEqualTo(c.bx().id() + "," + c.x().id() + "," + c.x().caseKey() + "," + c.b().id() + ","
            + c.b().username() + ",MANUAL,APPROVED,105.000,245.000");

        assertThat(csv(c, "saved")).containsExactly(
            "n_ai_assisted,n_manual,mean_ai_assisted_s,mean_manual_s,median_ai_assisted_s,median_manual_s,saved_pct,"
                + "ci_low_pct,ci_high_pct",
            "2,2,31.000,100.000,31.000,100.000,69.00,63.16,74.29");
        assertThat(csv(c, "per-annotator").get(0)).startsWith("annotator_id,annotator,n_ai_assisted,");
        assertThat(csv(c, "per-annotator")).hasSize(3);
        assertThat(csv(c, "per-label-kind")).extracting(l -> l.split(",")[0])
            .containsExactly("kind", "ORGAN", "LESION", "WHOLE_CASE");
        assertThat(csv(c, "edits")).startsWith("assignment_id,case_id,annotator_id,mode,clicks,brush_strokes,undos,redos,edits")
            .contains(c.ay().id() + "," + c.y().id() + "," + c.a().id() + ",MANUAL,0,3,1,0,4");
        List<String> agreement = csv(c, "agreement");
        assertThat(agreement.get(0)).isEqualTo("case_id,case_key,comparison,assignment_a,annotator_a,mode_a,revision_a,"
            + "assignment_b,annotator_b,mode_b,revision_b,label,label_name,kind,voxels_a,voxels_b,overlap,dice");
        assertThat(agreement).hasSize(1 + 2 * 2).anyMatch(l -> l.endsWith(",2,lesion,LESION,64,64,48,0.7500"));
        assertThat(csv(c, "agreement-summary").get(0)).isEqualTo("group,label,label_name,kind,n,min,q1,median,q3,max,mean");
        assertThat(csv(c, "by-mode")).contains("AI_ASSISTED,active_s,2,27.000,29.000,31.000,33.000,35.000,31.000");
        assertThat(csv(c, "throughput")).containsExactly("week,week_start,submitted,resubmitted,approved",
            "2026-W10,2026-03-02,2,0,0", "2026-W11,2026-03-09,2,0,0", "2026-W12,2026-03-16,0,0,2");
        assertThat(as(c.team().coordinator()).getForEntity(base + "nonsense.csv", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theJsonReportNamesItsDefinitions() {
        Crossover c = crossover();
        var json = as(c.team().coordinator()).getForObject("/api/projects/" + c.project().id() + "/study", java.util.Map.class);
        assertThat(json).containsKeys("timePerCase", "saved", "perAnnotator", "perLabelKind", "edits", "agreement", "throughput");
        @SuppressWarnings("unchecked")
        var definitions = (java.util.Map<String, Object>) json.get("definitions");
        assertThat(definitions).containsEntry("idleThresholdSeconds", 60.0).containsEntry("bootstrapResamples", 2000)
            .containsEntry("countedStates", List.of("SUBMITTED", "APPROVED"));
        assertThat(as(c.team().coordinator()).getForEntity("/api/projects/987654321/study", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<String> csv(Crossover c, String table) {
        return as(c.team().coordinator()).getForObject("/api/projects/" + c.project().id() + "/study/" + table + ".csv",
            String.class).lines().toList();
    }

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }
}
