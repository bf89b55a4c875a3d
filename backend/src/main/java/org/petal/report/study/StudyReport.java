package org.petal.report.study;

import java.time.LocalDate;
import java.util.List;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentState;
import org.petal.ml.dataset.LabelKind;

/**
 * A project's time-saved study, computed only from the server's records (events, revisions, assignment
 * states). Times are seconds; percentages are 0–100; a statistic of no values is null. Definitions in
 * {@code docs/study.md}.
 *
 * @param timePerCase  active and wall time of every SUBMITTED or APPROVED assignment, and per mode the
 *                     numbers of a box plot
 * @param saved        % active time saved by AI assistance over all annotators
 * @param perAnnotator the same for each annotator's own AI-assisted and manual cases
 * @param perLabelKind the same on the active time booked to organ labels, lesion labels, and no label
 * @param edits        clicks, brush strokes, undos and redos per case, and per mode their box plots
 * @param agreement    Dice per label between the newest revisions of two readers of one case
 * @param throughput   submitted and approved assignments per ISO week (UTC), weeks without any included
 */
public record StudyReport(long projectId, Definitions definitions, TimePerCase timePerCase, Saved saved,
                          List<AnnotatorSaved> perAnnotator, List<LabelKindSaved> perLabelKind, Edits edits,
                          Agreement agreement, List<WeekThroughput> throughput) {

    /** The settings the numbers were computed with. */
    public record Definitions(double idleThresholdSeconds, List<AssignmentState> countedStates, String savedFormula,
                              int bootstrapResamples, long bootstrapSeed, double confidenceLevel) {}

    /** Five-number summary plus mean and count: what a box plot needs. Quartiles interpolate linearly. */
    public record BoxStats(int n, Double min, Double q1, Double median, Double q3, Double max, Double mean) {}

    public record CaseTime(long assignmentId, long caseId, String caseKey, long annotatorId, String annotator,
                           AssignmentMode mode, AssignmentState state, double activeSeconds, double wallSeconds) {}

    public record ModeTimes(AssignmentMode mode, BoxStats activeSeconds, BoxStats wallSeconds) {}

    public record TimePerCase(List<CaseTime> cases, List<ModeTimes> byMode) {}

    /**
     * % active time saved, {@code 100 · (1 − mean(AI-assisted) / mean(manual))}, with its percentile bootstrap
     * interval. Null percentages when an arm is empty or the manual mean is zero.
     */
    public record Saved(int nAiAssisted, int nManual, Double meanAiAssistedSeconds, Double meanManualSeconds,
                        Double medianAiAssistedSeconds, Double medianManualSeconds, Double savedPercent,
                        Double ciLowPercent, Double ciHighPercent) {}

    public record AnnotatorSaved(long annotatorId, String annotator, Saved saved) {}

    /** {@code kind} is ORGAN, LESION, or WHOLE_CASE (time booked to no label: opening, accepting, submitting). */
    public record LabelKindSaved(String kind, Saved saved) {}

    /** {@code edits} = clicks + brush strokes (erasing included) + undos + redos. */
    public record CaseEdits(long assignmentId, long caseId, long annotatorId, AssignmentMode mode, int clicks,
                            int brushStrokes, int undos, int redos, int edits) {}

    public record ModeEdits(AssignmentMode mode, BoxStats clicks, BoxStats edits) {}

    public record Edits(List<CaseEdits> cases, List<ModeEdits> byMode) {}

    /** Two readers of one case: the same mode, or one AI-assisted and one manual. */
    public enum Comparison { SAME_MODE, AI_VS_MANUAL }

    /** Overlap of one label in two label maps; {@code dice} = 2·overlap / (voxelsA + voxelsB), null when both are empty. */
    public record LabelDice(int label, String name, LabelKind kind, long voxelsA, long voxelsB, long overlap, Double dice) {}

    /** Reader A is the one with the lower assignment id. */
    public record Pair(long caseId, String caseKey, Comparison comparison, long assignmentA, long annotatorA,
                       AssignmentMode modeA, long revisionA, long assignmentB, long annotatorB, AssignmentMode modeB,
                       long revisionB, List<LabelDice> labels) {}

    /**
     * Dice of one label over a group of pairs: {@code READERS} (every pair) or {@code AI_VS_MANUAL} (pairs whose
     * modes differ); pairs where the label is empty in both maps are left out of n.
     */
    public record DiceSummary(String group, int label, String name, LabelKind kind, BoxStats dice) {}

    public record Agreement(List<Pair> pairs, List<DiceSummary> summary) {}

    /**
     * @param week        ISO week, e.g. {@code 2026-W10}
     * @param weekStart   its Monday
     * @param submitted   assignments handed in for the first time this week
     * @param resubmitted later hand-ins (after changes were requested) this week
     * @param approved    assignments approved this week
     */
    public record WeekThroughput(String week, LocalDate weekStart, int submitted, int resubmitted, int approved) {}
}
