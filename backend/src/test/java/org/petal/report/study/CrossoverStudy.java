package org.petal.report.study;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.petal.annotation.EventType;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseView;
import org.petal.projects.ProjectService;
import org.petal.review.Review;
import org.petal.review.ReviewService;
import org.petal.support.TestClock;
import org.petal.support.TestData;
import org.petal.users.Actor;

/**
 * A hand-computed crossover, built through the real services at known server times (idle threshold 60 s):
 * annotators A and B, cases X and Y; A reads X with the AI and Y by hand, B the other way round; A also has
 * case Z in progress. X's two readings are approved in week 2026-W12; Y's stay submitted. The comments give
 * each reading's active time as the sum of its gaps, by label.
 */
final class CrossoverStudy {

    static final int LIVER = 1;   // ORGAN in TestData's project
    static final int LESION = 2;  // LESION
    static final Instant W10 = Instant.parse("2026-03-02T09:00:00Z");  // Monday of ISO week 2026-W10
    static final Instant W11 = Instant.parse("2026-03-10T09:00:00Z");
    static final Instant W12 = Instant.parse("2026-03-17T12:00:00Z");

    private final TestData data;
    private final TestClock clock;
    private final AssignmentService assignments;
    private final InteractionLog log;
    private final RevisionService revisions;
    private final ReviewService reviews;

    CrossoverStudy(TestData data, TestClock clock, AssignmentService assignments, InteractionLog log,
                   RevisionService revisions, ReviewService reviews) {
        this.data = data;
        this.clock = clock;
        this.assignments = assignments;
        this.log = log;
        this.revisions = revisions;
        this.reviews = reviews;
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

    void decide(Actor reviewer, AssignmentView a, Instant at, Review.Decision decision) {
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

    Crossover build() {
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
}
