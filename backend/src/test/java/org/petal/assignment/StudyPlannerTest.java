package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.petal.assignment.StudyPlanner.PlannedRead;

/** The study planner's promises, checked for every size from 1 to 40 cases and 1 to 6 annotators. */
class StudyPlannerTest {

    private static final int MAX_CASES = 40;
    private static final int MAX_ANNOTATORS = 6;

    @Test
    void everyCaseIsReadOnceOrTwiceByDifferentAnnotators() {
        forEverySize((plan, size) -> {
            Map<Long, List<PlannedRead>> byCase = plan.stream().collect(Collectors.groupingBy(PlannedRead::caseId));
            assertThat(byCase).as(size.toString()).hasSize(size.cases().size());
            byCase.values().forEach(reads -> {
                assertThat(reads).as(size.toString()).hasSize(size.reading().readers());
                assertThat(reads.stream().map(PlannedRead::annotatorId).distinct()).as(size.toString())
                    .hasSize(size.reading().readers());
            });
        });
    }

    @Test
    void casesSpreadEvenlyOverTheAnnotators() {
        forEverySize((plan, size) -> {
            Map<Long, Long> load = countBy(plan, size.annotators(), r -> true);
            assertThat(Collections.max(load.values()) - Collections.min(load.values())).as(size + " loads " + load)
                .isLessThanOrEqualTo(1);
        });
    }

    @Test
    void inACrossoverEachAnnotatorReadsHalfOfTheirCasesInEachModeGiveOrTakeOne() {
        forEverySize((plan, size) -> {
            if (size.design() != StudyDesign.CROSSOVER) {
                return;
            }
            Map<Long, Long> ai = countBy(plan, size.annotators(), r -> r.mode() == AssignmentMode.AI_ASSISTED);
            Map<Long, Long> manual = countBy(plan, size.annotators(), r -> r.mode() == AssignmentMode.MANUAL);
            for (long a : size.annotators()) {
                assertThat(Math.abs(ai.get(a) - manual.get(a))).as(size + " annotator " + a + ": " + ai.get(a)
                    + " AI-assisted, " + manual.get(a) + " manual").isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void inADoubleReadCrossoverEveryCaseHasOneAiAssistedAndOneManualMask() {
        forEverySize((plan, size) -> {
            if (size.design() != StudyDesign.CROSSOVER || size.reading() != Reading.DOUBLE) {
                return;
            }
            plan.stream().collect(Collectors.groupingBy(PlannedRead::caseId)).forEach((c, reads) ->
                assertThat(reads).as(size + " case " + c).extracting(PlannedRead::mode)
                    .containsExactlyInAnyOrder(AssignmentMode.AI_ASSISTED, AssignmentMode.MANUAL));
        });
    }

    @Test
    void inASingleReadCrossoverTheTwoArmsOfTheStudyDifferByAtMostOneCase() {
        forEverySize((plan, size) -> {
            if (size.design() != StudyDesign.CROSSOVER || size.reading() != Reading.SINGLE) {
                return;
            }
            long ai = plan.stream().filter(r -> r.mode() == AssignmentMode.AI_ASSISTED).count();
            assertThat(Math.abs(ai - (plan.size() - ai))).as(size.toString()).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void noAnnotatorReadsACaseTwiceSoNobodyReadsOneInBothModes() {
        forEverySize((plan, size) -> {
            Set<String> pairs = new HashSet<>();
            plan.forEach(r -> assertThat(pairs.add(r.caseId() + "/" + r.annotatorId())).as(size + " " + r).isTrue());
        });
    }

    @Test
    void aSingleModeDesignPutsEveryReadInThatMode() {
        forEverySize((plan, size) -> {
            if (size.design() == StudyDesign.AI_ASSISTED_ONLY) {
                assertThat(plan).as(size.toString()).extracting(PlannedRead::mode).containsOnly(AssignmentMode.AI_ASSISTED);
            } else if (size.design() == StudyDesign.MANUAL_ONLY) {
                assertThat(plan).as(size.toString()).extracting(PlannedRead::mode).containsOnly(AssignmentMode.MANUAL);
            }
        });
    }

    @Test
    void theSameRequestGivesTheSamePlanWhateverTheOrderOfTheIds() {
        Random random = new Random(7);
        forEverySize((plan, size) -> {
            List<Long> cases = new ArrayList<>(size.cases());
            List<Long> annotators = new ArrayList<>(size.annotators());
            Collections.shuffle(cases, random);
            Collections.shuffle(annotators, random);
            assertThat(StudyPlanner.plan(cases, annotators, size.reading(), size.design())).as(size.toString())
                .isEqualTo(plan);
        });
    }

    @Test
    void aSmallDoubleReadCrossoverLooksLikeThis() {
        // 3 cases, annotators 10 and 20: R = 1, so the second reader is the next annotator.
        assertThat(StudyPlanner.plan(List.of(3L, 1L, 2L), List.of(20L, 10L), Reading.DOUBLE, StudyDesign.CROSSOVER))
            .containsExactly(
                new PlannedRead(1, 10, AssignmentMode.AI_ASSISTED), new PlannedRead(1, 20, AssignmentMode.MANUAL),
                new PlannedRead(2, 20, AssignmentMode.AI_ASSISTED), new PlannedRead(2, 10, AssignmentMode.MANUAL),
                new PlannedRead(3, 10, AssignmentMode.AI_ASSISTED), new PlannedRead(3, 20, AssignmentMode.MANUAL));
    }

    @Test
    void doubleReadingWithOneAnnotatorOrRepeatedIdsIsRefused() {
        assertThatThrownBy(() -> StudyPlanner.plan(List.of(1L), List.of(5L), Reading.DOUBLE, StudyDesign.CROSSOVER))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 annotators");
        assertThatThrownBy(() -> StudyPlanner.plan(List.of(1L, 1L), List.of(5L), Reading.SINGLE, StudyDesign.CROSSOVER))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("once each");
        assertThatThrownBy(() -> StudyPlanner.plan(List.of(), List.of(5L), Reading.SINGLE, StudyDesign.CROSSOVER))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no case ids");
    }

    private record Size(List<Long> cases, List<Long> annotators, Reading reading, StudyDesign design) {
        @Override
        public String toString() {
            return cases.size() + " cases, " + annotators.size() + " annotators, " + reading + " " + design;
        }
    }

    private interface PlanCheck {
        void check(List<PlannedRead> plan, Size size);
    }

    /** Ids with gaps and not starting at 1, as in a database shared by several projects. */
    private static void forEverySize(PlanCheck check) {
        for (int c = 1; c <= MAX_CASES; c++) {
            for (int a = 1; a <= MAX_ANNOTATORS; a++) {
                List<Long> cases = LongStream.range(0, c).map(i -> 100 + 3 * i).boxed().toList();
                List<Long> annotators = LongStream.range(0, a).map(i -> 7 + 5 * i).boxed().toList();
                for (Reading reading : Reading.values()) {
                    if (reading.readers() > a) {
                        continue;
                    }
                    for (StudyDesign design : StudyDesign.values()) {
                        Size size = new Size(cases, annotators, reading, design);
                        check.check(StudyPlanner.plan(cases, annotators, reading, design), size);
                    }
                }
            }
        }
    }

    private static Map<Long, Long> countBy(List<PlannedRead> plan, List<Long> annotators,
                                           Predicate<PlannedRead> which) {
        Map<Long, Long> counts = new HashMap<>();
        annotators.forEach(a -> counts.put(a, 0L));
        plan.stream().filter(which).forEach(r -> counts.merge(r.annotatorId(), 1L, Long::sum));
        return counts;
    }
}
