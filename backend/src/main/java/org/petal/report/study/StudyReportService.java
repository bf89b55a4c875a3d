package org.petal.report.study;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.annotation.TimeAccounting;
import org.petal.assignment.AssignmentMode;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.dataset.LabelKind;
import org.petal.projects.ProjectService;
import org.petal.report.study.AgreementStore.Counts;
import org.petal.report.study.AgreementStore.RevisionPair;
import org.petal.report.study.StudyReport.Comparison;
import org.petal.system.PetalProperties;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's time-saved study of one project (coordinators and leads only). Everything comes from the
 * server's records, read in a few batch queries whatever the number of assignments:
 * <ul>
 *   <li>times and counts from the interaction events through {@link TimeAccounting}, for SUBMITTED and
 *       APPROVED assignments only (work in progress has no final time);</li>
 *   <li>agreement from each reader's newest revision; a pair's per-label overlap is computed once, inflating
 *       both label maps, and read from the {@code study_agreement} table by every later report
 *       ({@link AgreementStore}), so a report does not inflate label maps except for pairs new since the last;</li>
 *   <li>throughput from the SUBMIT events and the approval time of APPROVED assignments (their last change:
 *       APPROVED is final).</li>
 * </ul>
 * Definitions and formulas: {@link StudyStatistics} and {@code docs/study.md}.
 */
@Service
@Transactional(readOnly = true)
public class StudyReportService {

    static final List<AssignmentState> COUNTED = List.of(AssignmentState.SUBMITTED, AssignmentState.APPROVED);
    static final String WHOLE_CASE = "WHOLE_CASE";

    private final ProjectService projects;
    private final CaseService cases;
    private final AssignmentService assignments;
    private final InteractionLog log;
    private final RevisionService revisions;
    private final UserService users;
    private final AgreementStore agreementStore;
    private final PetalProperties properties;

    StudyReportService(ProjectService projects, CaseService cases, AssignmentService assignments, InteractionLog log,
                       RevisionService revisions, UserService users, AgreementStore agreementStore,
                       PetalProperties properties) {
        this.projects = projects;
        this.cases = cases;
        this.assignments = assignments;
        this.log = log;
        this.revisions = revisions;
        this.users = users;
        this.agreementStore = agreementStore;
        this.properties = properties;
    }

    public StudyReport report(Actor actor, long projectId) {
        actor.require(Role.COORDINATOR, Role.LEAD);
        ProjectService.ProjectView project = projects.get(projectId);
        Map<Long, CaseView> caseById = new LinkedHashMap<>();
        cases.list(actor, projectId).forEach(c -> caseById.put(c.id(), c));
        List<AssignmentView> all = assignments.ofProject(actor, projectId);
        List<AssignmentView> counted = all.stream().filter(a -> COUNTED.contains(a.state())).toList();
        InteractionLog.ProjectActivity activity = log.activityOfProject(actor, projectId);
        Map<Long, TimeAccounting.TimeSummary> time = new HashMap<>(activity.time());
        for (AssignmentView a : counted) {  // handed-in work always has events; an empty summary keeps odd data safe
            time.computeIfAbsent(a.id(), id -> TimeAccounting.summarise(id, List.of(), properties.idleThreshold()));
        }
        Map<Long, String> names = new HashMap<>();
        users.list(actor).forEach(u -> names.put(u.id(), u.username()));
        Map<Integer, ProjectService.LabelSpec> labels = new TreeMap<>();
        project.labels().forEach(l -> labels.put(l.value(), l));

        List<StudyReport.CaseTime> caseTimes = new ArrayList<>();
        List<StudyReport.CaseEdits> caseEdits = new ArrayList<>();
        for (AssignmentView a : counted) {
            TimeAccounting.TimeSummary t = time.get(a.id());
            caseTimes.add(new StudyReport.CaseTime(a.id(), a.caseId(), caseById.get(a.caseId()).caseKey(), a.annotatorId(),
                names.get(a.annotatorId()), a.mode(), a.state(), t.activeSeconds(), t.wallSeconds()));
            caseEdits.add(new StudyReport.CaseEdits(a.id(), a.caseId(), a.annotatorId(), a.mode(), t.clicks(),
                t.brushStrokes(), t.undos(), t.redos(), edits(t)));
        }
        List<StudyReport.ModeTimes> modeTimes = new ArrayList<>();
        List<StudyReport.ModeEdits> modeEdits = new ArrayList<>();
        for (AssignmentMode m : AssignmentMode.values()) {
            List<AssignmentView> arm = counted.stream().filter(a -> a.mode() == m).toList();
            modeTimes.add(new StudyReport.ModeTimes(m, StudyStatistics.box(values(arm, a -> time.get(a.id()).activeSeconds())),
                StudyStatistics.box(values(arm, a -> time.get(a.id()).wallSeconds()))));
            modeEdits.add(new StudyReport.ModeEdits(m, StudyStatistics.box(values(arm, a -> time.get(a.id()).clicks())),
                StudyStatistics.box(values(arm, a -> edits(time.get(a.id()))))));
        }
        SavedTables saved = savedTables(counted, time, labels, names);

        return new StudyReport(projectId,
            new StudyReport.Definitions(properties.idleThreshold().toMillis() / 1000.0, COUNTED,
                "100 * (1 - mean(active s, AI_ASSISTED) / mean(active s, MANUAL))", StudyStatistics.RESAMPLES,
                StudyStatistics.SEED, StudyStatistics.CONFIDENCE),
            new StudyReport.TimePerCase(caseTimes, modeTimes), saved.overall(), saved.perAnnotator(), saved.perLabelKind(),
            new StudyReport.Edits(caseEdits, modeEdits), agreement(actor, projectId, counted, caseById, labels),
            throughput(activity.submissions(), all));
    }

    private record SavedTables(StudyReport.Saved overall, List<StudyReport.AnnotatorSaved> perAnnotator,
                               List<StudyReport.LabelKindSaved> perLabelKind) {}

    /** % saved overall, per label kind and per annotator. */
    private static SavedTables savedTables(List<AssignmentView> counted, Map<Long, TimeAccounting.TimeSummary> time,
                                           Map<Integer, ProjectService.LabelSpec> labels, Map<Long, String> names) {
        // The bootstrap is most of the CPU work: the rows are independent (each with its own seeded generator), so
        // they run in parallel and come back in order.
        ToDoubleFunction<AssignmentView> active = a -> time.get(a.id()).activeSeconds();
        List<Supplier<StudyReport.Saved>> rows = new ArrayList<>();
        rows.add(() -> saved(counted, active));
        List<String> kinds = List.of(LabelKind.ORGAN.name(), LabelKind.LESION.name(), WHOLE_CASE);
        for (String kind : kinds) {
            // A case that booked no time to the kind (no lesion to draw, say) has no time per label of it.
            ToDoubleFunction<AssignmentView> seconds = a -> secondsOfKind(time.get(a.id()), kind, labels);
            rows.add(() -> saved(counted.stream().filter(a -> seconds.applyAsDouble(a) > 0).toList(), seconds));
        }
        List<Long> annotators = counted.stream().map(AssignmentView::annotatorId).distinct().sorted().toList();
        for (long annotator : annotators) {
            rows.add(() -> saved(counted.stream().filter(a -> a.annotatorId() == annotator).toList(), active));
        }
        List<StudyReport.Saved> saved = rows.parallelStream().map(Supplier::get).toList();
        List<StudyReport.LabelKindSaved> perLabelKind = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            perLabelKind.add(new StudyReport.LabelKindSaved(kinds.get(k), saved.get(1 + k)));
        }
        List<StudyReport.AnnotatorSaved> perAnnotator = new ArrayList<>();
        for (int n = 0; n < annotators.size(); n++) {
            perAnnotator.add(new StudyReport.AnnotatorSaved(annotators.get(n), names.get(annotators.get(n)),
                saved.get(1 + kinds.size() + n)));
        }
        return new SavedTables(saved.get(0), perAnnotator, perLabelKind);
    }

    /** Clicks, brush strokes (erasing included), undos and redos. */
    private static int edits(TimeAccounting.TimeSummary t) {
        return t.clicks() + t.brushStrokes() + t.undos() + t.redos();
    }

    /**
     * One table of the report as CSV: time-per-case, by-mode, saved, per-annotator, per-label-kind, edits,
     * agreement, agreement-summary, throughput (an unknown name is NotFound before anything is computed).
     */
    public String csv(Actor actor, long projectId, String table) {
        actor.require(Role.COORDINATOR, Role.LEAD);
        StudyCsv.requireTable(table);
        return StudyCsv.write(report(actor, projectId), table);
    }

    /** The names {@link #csv} accepts, in the order the report presents them. */
    public static List<String> csvTables() {
        return List.copyOf(StudyCsv.HEADERS.keySet());
    }

    private static StudyReport.Saved saved(List<AssignmentView> assignments, ToDoubleFunction<AssignmentView> seconds) {
        return StudyStatistics.saved(values(assignments.stream().filter(a -> a.mode() == AssignmentMode.AI_ASSISTED).toList(), seconds),
            values(assignments.stream().filter(a -> a.mode() == AssignmentMode.MANUAL).toList(), seconds));
    }

    private static double secondsOfKind(TimeAccounting.TimeSummary t, String kind,
                                        Map<Integer, ProjectService.LabelSpec> labels) {
        double sum = 0;
        for (var e : t.activeSecondsByLabel().entrySet()) {
            String k = e.getKey() == TimeAccounting.WHOLE_CASE ? WHOLE_CASE
                : labels.containsKey(e.getKey()) ? labels.get(e.getKey()).kind().name() : null;
            if (kind.equals(k)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    private StudyReport.Agreement agreement(Actor actor, long projectId, List<AssignmentView> counted, Map<Long, CaseView> caseById,
                                            Map<Integer, ProjectService.LabelSpec> labels) {
        Map<Long, List<AssignmentView>> byCase = new TreeMap<>();
        counted.forEach(a -> byCase.computeIfAbsent(a.caseId(), c -> new ArrayList<>()).add(a));
        byCase.values().removeIf(readers -> readers.size() < 2);
        Map<Long, Long> newest = revisions.newestRevisionIdsOfProject(actor, projectId, COUNTED);

        record Readers(long caseId, AssignmentView a, AssignmentView b, long revisionA, long revisionB) {
            RevisionPair pair() { return RevisionPair.of(revisionA, revisionB); }
        }
        List<Readers> readers = new ArrayList<>();
        for (var entry : byCase.entrySet()) {
            List<AssignmentView> list = entry.getValue().stream().sorted(Comparator.comparingLong(AssignmentView::id)).toList();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Long ra = newest.get(list.get(i).id());
                    Long rb = newest.get(list.get(j).id());
                    if (ra != null && rb != null) {  // submitted work always has one; kept safe for odd data
                        readers.add(new Readers(entry.getKey(), list.get(i), list.get(j), ra, rb));
                    }
                }
            }
        }
        Map<RevisionPair, Map<Integer, Counts>> counts = new HashMap<>(agreementStore.find(projectId, readers.stream().map(Readers::pair).toList()));
        Map<RevisionPair, Map<Integer, Counts>> computed = new HashMap<>();
        Map<Long, List<Readers>> missingByCase = new TreeMap<>();
        readers.stream().filter(r -> !counts.containsKey(r.pair()))
            .forEach(r -> missingByCase.computeIfAbsent(r.caseId(), c -> new ArrayList<>()).add(r));
        for (List<Readers> missing : missingByCase.values()) {
            // One case at a time: its readers' label maps are inflated once each and dropped afterwards.
            Map<Long, byte[]> maps = new HashMap<>();
            for (Readers r : missing) {
                RevisionPair p = r.pair();
                if (computed.containsKey(p)) {
                    continue;
                }
                LabelOverlap o = LabelOverlap.of(maps.computeIfAbsent(p.low(), id -> revisions.labels(actor, id)),
                    maps.computeIfAbsent(p.high(), id -> revisions.labels(actor, id)));
                Map<Integer, Counts> rows = new TreeMap<>();
                for (int v = 1; v < 256; v++) {
                    if (labels.containsKey(v) || o.present(v)) {
                        rows.put(v, new Counts(o.voxelsA(v), o.voxelsB(v), o.overlap(v)));
                    }
                }
                computed.put(p, rows);
            }
        }
        agreementStore.save(computed);
        counts.putAll(computed);

        List<StudyReport.Pair> pairs = new ArrayList<>();
        Map<String, Map<Integer, List<Double>>> diceByGroup = new LinkedHashMap<>();
        diceByGroup.put("READERS", new TreeMap<>());
        diceByGroup.put(Comparison.AI_VS_MANUAL.name(), new TreeMap<>());
        for (Readers r : readers) {
            Map<Integer, Counts> c = counts.get(r.pair());
            boolean aIsLow = r.revisionA() < r.revisionB();
            Comparison comparison = r.a().mode() == r.b().mode() ? Comparison.SAME_MODE : Comparison.AI_VS_MANUAL;
            List<StudyReport.LabelDice> perLabel = new ArrayList<>();
            for (ProjectService.LabelSpec l : labels.values()) {
                Counts n = c.getOrDefault(l.value(), new Counts(0, 0, 0));
                long va = aIsLow ? n.voxelsLow() : n.voxelsHigh();
                long vb = aIsLow ? n.voxelsHigh() : n.voxelsLow();
                Double dice = LabelOverlap.dice(va, vb, n.overlap());
                perLabel.add(new StudyReport.LabelDice(l.value(), l.name(), l.kind(), va, vb, n.overlap(), dice));
                if (dice != null) {
                    diceByGroup.get("READERS").computeIfAbsent(l.value(), v -> new ArrayList<>()).add(dice);
                    if (comparison == Comparison.AI_VS_MANUAL) {
                        diceByGroup.get(comparison.name()).computeIfAbsent(l.value(), v -> new ArrayList<>()).add(dice);
                    }
                }
            }
            pairs.add(new StudyReport.Pair(r.caseId(), caseById.get(r.caseId()).caseKey(), comparison, r.a().id(),
                r.a().annotatorId(), r.a().mode(), r.revisionA(), r.b().id(), r.b().annotatorId(), r.b().mode(),
                r.revisionB(), perLabel));
        }
        List<StudyReport.DiceSummary> summary = new ArrayList<>();
        diceByGroup.forEach((group, byLabel) -> labels.values().forEach(l -> summary.add(new StudyReport.DiceSummary(
            group, l.value(), l.name(), l.kind(), StudyStatistics.box(byLabel.getOrDefault(l.value(), List.of()).stream()
                .mapToDouble(Double::doubleValue).toArray())))));
        return new StudyReport.Agreement(pairs, summary);
    }

    private static List<StudyReport.WeekThroughput> throughput(Map<Long, List<Instant>> submissions,
                                                               List<AssignmentView> all) {
        TreeMap<LocalDate, int[]> weeks = new TreeMap<>();  // Monday → {submitted, resubmitted, approved}
        submissions.values().forEach(times -> {
            for (int n = 0; n < times.size(); n++) {
                weeks.computeIfAbsent(monday(times.get(n)), w -> new int[3])[n == 0 ? 0 : 1]++;
            }
        });
        all.stream().filter(a -> a.state() == AssignmentState.APPROVED)
            .forEach(a -> weeks.computeIfAbsent(monday(a.updatedAt()), w -> new int[3])[2]++);
        List<StudyReport.WeekThroughput> out = new ArrayList<>();
        if (weeks.isEmpty()) {
            return out;
        }
        LocalDate last = weeks.lastKey();
        for (LocalDate w = weeks.firstKey(); !w.isAfter(last); w = w.plusWeeks(1)) {
            int[] n = weeks.getOrDefault(w, new int[3]);
            out.add(new StudyReport.WeekThroughput(String.format("%d-W%02d", w.get(IsoFields.WEEK_BASED_YEAR),
                w.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), w, n[0], n[1], n[2]));
        }
        return out;
    }

    private static LocalDate monday(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
    }

    private static double[] values(List<AssignmentView> assignments, ToDoubleFunction<AssignmentView> value) {
        return assignments.stream().mapToDouble(value).toArray();
    }
}
