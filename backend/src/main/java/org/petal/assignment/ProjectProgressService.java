package org.petal.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.petal.cases.CaseService;
import org.petal.projects.ProjectService;
import org.petal.segmentation.remote.WorkerMonitor;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's view of a project's work: cases and assignments by state, each annotator's load, overdue work and
 * the inference workers. Every count comes from a GROUP BY in the database (a handful of rows per query,
 * whatever the project's size); only the overdue list shown loads entities, at most {@link #OVERDUE_SHOWN}.
 */
@Service
@Transactional(readOnly = true)
public class ProjectProgressService {

    /** Overdue assignments listed by name; the count covers all of them. */
    static final int OVERDUE_SHOWN = 50;

    /** Work that is still the annotator's to do: due dates only matter for these. */
    static final Set<AssignmentState> OPEN = EnumSet.of(AssignmentState.ASSIGNED, AssignmentState.IN_PROGRESS,
        AssignmentState.CHANGES_REQUESTED);

    /** The case stages of {@link AssignmentRepository#casesByStage}, by the number the query gives them. */
    private static final AssignmentState[] STAGES = {AssignmentState.ASSIGNED, AssignmentState.IN_PROGRESS,
        AssignmentState.CHANGES_REQUESTED, AssignmentState.SUBMITTED, AssignmentState.APPROVED};

    /**
     * @param unassigned cases without any assignment
     * @param byStage    assigned cases, each once, at the state of its least advanced read: a double-read case
     *                   is APPROVED only when both reads are
     */
    public record CaseProgress(long total, long unassigned, Map<AssignmentState, Long> byStage) {}

    public record AssignmentProgress(long total, Map<AssignmentState, Long> byState, Map<AssignmentMode, Long> byMode) {}

    /** One annotator's assignments in the project by state and mode. */
    public record AnnotatorProgress(long annotatorId, String username, String displayName, long assigned,
                                    long inProgress, long submitted, long approved, long changesRequested, long total,
                                    long aiAssisted, long manual, long overdue) {}

    public record OverdueAssignment(long assignmentId, long caseId, String caseKey, long annotatorId, String username,
                                    AssignmentMode mode, AssignmentState state, LocalDate dueDate, long daysOverdue) {}

    /**
     * @param count  assignments due before today that are not submitted or approved
     * @param oldest the longest overdue of them, at most {@value #OVERDUE_SHOWN}
     */
    public record Overdue(long count, List<OverdueAssignment> oldest) {}

    /** {@code today} is the server's date (its clock, UTC), the day overdue is measured against. */
    public record Progress(long projectId, String projectName, LocalDate today, CaseProgress cases,
                           AssignmentProgress assignments, List<AnnotatorProgress> annotators, Overdue overdue,
                           WorkerMonitor.Summary workers) {}

    private final AssignmentRepository assignments;
    private final CaseService cases;
    private final ProjectService projects;
    private final UserService users;
    private final WorkerMonitor workers;
    private final Clock clock;

    ProjectProgressService(AssignmentRepository assignments, CaseService cases, ProjectService projects,
                           UserService users, WorkerMonitor workers, Clock clock) {
        this.assignments = assignments;
        this.cases = cases;
        this.projects = projects;
        this.users = users;
        this.workers = workers;
        this.clock = clock;
    }

    public Progress of(Actor actor, long projectId) {
        actor.require(Role.LEAD);
        var project = projects.get(projectId);
        LocalDate today = LocalDate.now(clock);

        Map<AssignmentState, Long> byState = zeros(AssignmentState.class);
        Map<AssignmentMode, Long> byMode = zeros(AssignmentMode.class);
        Map<Long, long[]> perAnnotator = new HashMap<>();  // counts by state ordinal, then AI-assisted, manual
        int modeSlot = AssignmentState.values().length;
        for (Object[] row : assignments.tally(projectId)) {
            long annotator = (Long) row[0];
            AssignmentState state = (AssignmentState) row[1];
            AssignmentMode mode = (AssignmentMode) row[2];
            long n = ((Number) row[3]).longValue();
            byState.merge(state, n, Long::sum);
            byMode.merge(mode, n, Long::sum);
            long[] counts = perAnnotator.computeIfAbsent(annotator, a -> new long[modeSlot + 2]);
            counts[state.ordinal()] += n;
            counts[modeSlot + mode.ordinal()] += n;
        }
        long total = byState.values().stream().mapToLong(Long::longValue).sum();

        Map<AssignmentState, Long> byStage = zeros(AssignmentState.class);
        long assignedCases = 0;
        for (Object[] row : assignments.casesByStage(projectId)) {
            long n = ((Number) row[1]).longValue();
            byStage.put(STAGES[((Number) row[0]).intValue()], n);
            assignedCases += n;
        }
        long caseCount = cases.count(actor, projectId);

        Map<Long, Long> overdueBy = new HashMap<>();
        assignments.overdueByAnnotator(projectId, today, OPEN).forEach(row -> overdueBy.put((Long) row[0],
            ((Number) row[1]).longValue()));
        long overdueCount = overdueBy.values().stream().mapToLong(Long::longValue).sum();
        List<Assignment> oldest = overdueCount == 0 ? List.of()
            : assignments.overdue(projectId, today, OPEN, PageRequest.of(0, OVERDUE_SHOWN));

        Map<Long, UserService.UserName> people = users.names(perAnnotator.keySet());
        Map<Long, String> keys = cases.keys(actor, oldest.stream().map(Assignment::getCaseId).distinct().toList());
        List<AnnotatorProgress> annotators = perAnnotator.entrySet().stream().map(e -> {
            long[] c = e.getValue();
            UserService.UserName u = people.get(e.getKey());
            return new AnnotatorProgress(e.getKey(), u == null ? "?" : u.username(), u == null ? "?" : u.displayName(),
                c[AssignmentState.ASSIGNED.ordinal()], c[AssignmentState.IN_PROGRESS.ordinal()],
                c[AssignmentState.SUBMITTED.ordinal()], c[AssignmentState.APPROVED.ordinal()],
                c[AssignmentState.CHANGES_REQUESTED.ordinal()], sum(c, modeSlot),
                c[modeSlot + AssignmentMode.AI_ASSISTED.ordinal()], c[modeSlot + AssignmentMode.MANUAL.ordinal()],
                overdueBy.getOrDefault(e.getKey(), 0L));
        }).sorted(Comparator.comparing(AnnotatorProgress::username).thenComparing(AnnotatorProgress::annotatorId)).toList();
        List<OverdueAssignment> shown = oldest.stream().map(a -> {
            UserService.UserName u = people.get(a.getAnnotatorId());
            return new OverdueAssignment(a.getId(), a.getCaseId(), keys.get(a.getCaseId()), a.getAnnotatorId(),
                u == null ? "?" : u.username(), a.getMode(), a.getState(), a.getDueDate(),
                ChronoUnit.DAYS.between(a.getDueDate(), today));
        }).toList();

        return new Progress(projectId, project.name(), today,
            new CaseProgress(caseCount, caseCount - assignedCases, byStage),
            new AssignmentProgress(total, byState, byMode), annotators, new Overdue(overdueCount, shown),
            workers.summary());
    }

    private static long sum(long[] counts, int upTo) {
        long s = 0;
        for (int i = 0; i < upTo; i++) {
            s += counts[i];
        }
        return s;
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, 0L);
        }
        return m;
    }
}
