package org.petal.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who reads which case in which mode: a pure function of the case ids, the annotator ids, the reading and
 * the design (the order in which ids are given does not matter, so the same request always gives the same
 * plan).
 *
 * <p>Cases {@code c[0..C)} and annotators {@code a[0..A)} are sorted by id. With {@code R = C mod A}:
 * <ul>
 *   <li>the first reader of case {@code i} is {@code a[i mod A]} (round robin: every annotator gets
 *       {@code floor(C/A)} or {@code ceil(C/A)} first reads);</li>
 *   <li>the second reader (double reading) is {@code a[(i + k) mod A]} with {@code k = R}, or 1 when
 *       {@code R = 0}; {@code 0 < k < A}, so never the first reader. Second reads are round robin as well,
 *       and the offset {@code R} puts the annotators with an extra second read right after those with an extra
 *       first read, so nobody gets two extras while someone else gets none: loads differ by at most 1;</li>
 *   <li>crossover, double reading: the first read is AI-assisted, the second manual, so every case has one
 *       mask of each mode, and each annotator's AI-assisted and manual counts are both
 *       {@code floor(C/A)} or {@code ceil(C/A)};</li>
 *   <li>crossover, single reading: an annotator's cases (in id order) alternate between the modes, starting
 *       with AI-assisted for even annotator positions and manual for odd ones, so each annotator is balanced
 *       to ± 1 and the two arms of the whole study differ by at most one case.</li>
 * </ul>
 * A plan never has an annotator read a case twice, so nobody reads a case in both modes.
 */
final class StudyPlanner {

    /** One read of the plan. */
    record PlannedRead(long caseId, long annotatorId, AssignmentMode mode) {}

    private StudyPlanner() {}

    /**
     * @throws IllegalArgumentException for empty or repeated ids, or double reading with fewer than two
     *                                  annotators (the service refuses these first, with friendlier words)
     */
    static List<PlannedRead> plan(Collection<Long> caseIds, Collection<Long> annotatorIds, Reading reading,
                                  StudyDesign design) {
        long[] cases = sortedDistinct(caseIds, "case");
        long[] annotators = sortedDistinct(annotatorIds, "annotator");
        int c = cases.length;
        int a = annotators.length;
        if (reading.readers() > a) {
            throw new IllegalArgumentException(reading + " reading needs at least " + reading.readers() + " annotators");
        }
        int offset = c % a == 0 ? 1 : c % a;
        List<PlannedRead> plan = new ArrayList<>(c * reading.readers());
        for (int i = 0; i < c; i++) {
            int first = i % a;
            plan.add(new PlannedRead(cases[i], annotators[first], firstMode(design, reading, i, a)));
            if (reading == Reading.DOUBLE) {
                int second = (i + offset) % a;
                plan.add(new PlannedRead(cases[i], annotators[second],
                    design == StudyDesign.AI_ASSISTED_ONLY ? AssignmentMode.AI_ASSISTED : AssignmentMode.MANUAL));
            }
        }
        return plan;
    }

    private static AssignmentMode firstMode(StudyDesign design, Reading reading, int caseIndex, int annotators) {
        return switch (design) {
            case AI_ASSISTED_ONLY -> AssignmentMode.AI_ASSISTED;
            case MANUAL_ONLY -> AssignmentMode.MANUAL;
            case CROSSOVER -> {
                if (reading == Reading.DOUBLE) {
                    yield AssignmentMode.AI_ASSISTED;
                }
                int nth = caseIndex / annotators;  // this annotator's nth case
                int position = caseIndex % annotators;
                yield (nth + position) % 2 == 0 ? AssignmentMode.AI_ASSISTED : AssignmentMode.MANUAL;
            }
        };
    }

    private static long[] sortedDistinct(Collection<Long> ids, String what) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " ids");
        }
        if (ids.stream().anyMatch(Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException(what + " ids must be given once each");
        }
        return ids.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
