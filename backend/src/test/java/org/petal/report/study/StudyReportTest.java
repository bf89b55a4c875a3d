package org.petal.report.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.AssignmentView;
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
 * The study report over a hand-computed crossover ({@link CrossoverStudy}): every event is recorded through the
 * real services at a known server time, so each active time below is a sum of gaps worked out by hand.
 */
@PetalTest
class StudyReportTest {

    private static final int LIVER = CrossoverStudy.LIVER;
    private static final int LESION = CrossoverStudy.LESION;
    private static final Instant W11 = CrossoverStudy.W11;
    private static final Instant W12 = CrossoverStudy.W12;

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

    private CrossoverStudy.Crossover crossover() {
        return new CrossoverStudy(data, clock, assignments, log, revisions, reviews).build();
    }

    private void decide(Actor reviewer, AssignmentView a, Instant at, Review.Decision decision) {
        clock.set(at);
        reviews.decide(reviewer, a.id(), assignments.get(reviewer, a.id()).version(), decision, "looked at it", List.of());
    }

    private static StudyReport.CaseTime timeOf(StudyReport r, AssignmentView a) {
        return r.timePerCase().cases().stream().filter(c -> c.assignmentId() == a.id()).findFirst().orElseThrow();
    }

    private static StudyReport.Saved savedOf(StudyReport r, String kind) {
        return r.perLabelKind().stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow().saved();
    }

    @Test
    void activeAndWallTimePerCaseAreTheHandComputedSumsAndWorkInProgressIsLeftOut() {
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
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
        CrossoverStudy.Crossover c = crossover();
        var json = as(c.team().coordinator()).getForObject("/api/projects/" + c.project().id() + "/study", java.util.Map.class);
        assertThat(json).containsKeys("timePerCase", "saved", "perAnnotator", "perLabelKind", "edits", "agreement", "throughput");
        @SuppressWarnings("unchecked")
        var definitions = (java.util.Map<String, Object>) json.get("definitions");
        assertThat(definitions).containsEntry("idleThresholdSeconds", 60.0).containsEntry("bootstrapResamples", 2000)
            .containsEntry("countedStates", List.of("SUBMITTED", "APPROVED"));
        assertThat(as(c.team().coordinator()).getForEntity("/api/projects/987654321/study", String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<String> csv(CrossoverStudy.Crossover c, String table) {
        return as(c.team().coordinator()).getForObject("/api/projects/" + c.project().id() + "/study/" + table + ".csv",
            String.class).lines().toList();
    }

    private TestRestTemplate as(Actor a) {
        return rest.withBasicAuth(a.username(), "password-" + a.username());
    }
}
