package org.petal.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.petal.assignment.StudyPlanner.PlannedRead;
import org.petal.audit.AuditLog;
import org.petal.cases.CaseService;
import org.petal.projects.ProjectService;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead assigns many cases at once with a study design ({@link StudyPlanner} decides who reads what in which
 * mode). All or nothing: one refused read refuses the request. Repeating a request is safe: reads that exist
 * already exactly as planned (same mode and due date) are reported as unchanged, not created twice.
 */
@Service
@Transactional(readOnly = true)
public class BulkAssignmentService {

    /** More in one request is almost certainly a mistake, and would hold one transaction for long. */
    static final int MAX_CASES = 10_000;
    static final int MAX_ANNOTATORS = 500;

    /**
     * @param dueDate optional; not before today
     */
    public record Request(List<Long> caseIds, List<Long> annotatorIds, Reading reading, StudyDesign design,
                          LocalDate dueDate) {}

    /** One read of the plan; {@code assignmentId} is null in a preview for reads not created yet. */
    public record Read(long caseId, long annotatorId, AssignmentMode mode, Long assignmentId) {}

    /** What the plan gives one annotator. */
    public record AnnotatorLoad(long annotatorId, String username, int aiAssisted, int manual, int total) {}

    /**
     * @param created   reads created by this request (in a preview: that it would create)
     * @param unchanged reads that existed already exactly as planned
     */
    public record Result(long projectId, Reading reading, StudyDesign design, LocalDate dueDate, boolean preview,
                         int created, int unchanged, List<AnnotatorLoad> annotators, List<Read> reads) {}

    private final AssignmentRepository assignments;
    private final CaseService cases;
    private final UserService users;
    private final ProjectService projects;
    private final AuditLog audit;
    private final Clock clock;

    BulkAssignmentService(AssignmentRepository assignments, CaseService cases, UserService users, ProjectService projects,
                          AuditLog audit, Clock clock) {
        this.assignments = assignments;
        this.cases = cases;
        this.users = users;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /** The plan and what it would create, without creating anything. */
    public Result preview(Actor actor, long projectId, Request request) {
        return run(actor, projectId, request, true);
    }

    /** Creates the planned assignments (those that do not exist yet). */
    @Transactional
    public Result assign(Actor actor, long projectId, Request request) {
        return run(actor, projectId, request, false);
    }

    private Result run(Actor actor, long projectId, Request request, boolean preview) {
        actor.require(Role.LEAD);
        projects.get(projectId);
        Map<Long, UserService.UserName> annotators = checked(actor, projectId, request);
        List<PlannedRead> plan = StudyPlanner.plan(request.caseIds(), request.annotatorIds(), request.reading(),
            request.design());

        Map<String, Assignment> existing = new HashMap<>();
        assignments.findByCaseIdInAndAnnotatorIdIn(request.caseIds(), request.annotatorIds())
            .forEach(a -> existing.put(key(a.getCaseId(), a.getAnnotatorId()), a));
        List<String> clashes = new ArrayList<>();
        List<Assignment> fresh = new ArrayList<>();
        Instant now = clock.instant();
        for (PlannedRead r : plan) {
            Assignment there = existing.get(key(r.caseId(), r.annotatorId()));
            if (there == null) {
                fresh.add(new Assignment(r.caseId(), r.annotatorId(), r.mode(), request.dueDate(), actor.id(), now));
            } else if (there.getMode() != r.mode() || !Objects.equals(there.getDueDate(), request.dueDate())) {
                clashes.add("case " + r.caseId() + " is assigned to " + annotators.get(r.annotatorId()).username()
                    + " already (" + there.getMode() + (there.getDueDate() == null ? "" : ", due " + there.getDueDate())
                    + "; the plan says " + r.mode() + ")");
            }
        }
        if (!clashes.isEmpty()) {
            throw new Problems.Conflict(clashes.size() + " planned read" + (clashes.size() == 1 ? " clashes" : "s clash")
                + " with existing assignments: " + firstFew(clashes, "; ")
                + ". Leave those cases or annotators out, or change the existing assignments first.");
        }
        if (!preview && !fresh.isEmpty()) {
            assignments.saveAll(fresh);
            assignments.flush();
            fresh.forEach(a -> existing.put(key(a.getCaseId(), a.getAnnotatorId()), a));
            audit.record(actor, "BULK_ASSIGNED", "project", projectId, fresh.size() + " assignments created, "
                + (plan.size() - fresh.size()) + " unchanged: " + request.caseIds().size() + " cases, "
                + annotators.size() + " annotators, " + request.reading() + " " + request.design()
                + (request.dueDate() == null ? "" : ", due " + request.dueDate()));
        }
        List<Read> reads = plan.stream().map(r -> {
            Assignment a = existing.get(key(r.caseId(), r.annotatorId()));
            return new Read(r.caseId(), r.annotatorId(), r.mode(), a == null ? null : a.getId());
        }).toList();
        return new Result(projectId, request.reading(), request.design(), request.dueDate(), preview, fresh.size(),
            plan.size() - fresh.size(), loads(plan, annotators), reads);
    }

    /** Refuses what cannot be planned, with a sentence that says what to change; returns the annotators' accounts. */
    private Map<Long, UserService.UserName> checked(Actor actor, long projectId, Request r) {
        if (r.reading() == null) {
            throw new Problems.BadRequest("say how many read each case: reading SINGLE or DOUBLE");
        }
        if (r.design() == null) {
            throw new Problems.BadRequest("say the study design: AI_ASSISTED_ONLY, MANUAL_ONLY or CROSSOVER");
        }
        List<Long> caseIds = idsOf(r.caseIds(), "case", MAX_CASES);
        List<Long> annotatorIds = idsOf(r.annotatorIds(), "annotator", MAX_ANNOTATORS);
        if (annotatorIds.size() < r.reading().readers()) {
            throw new Problems.BadRequest("double reading needs at least two annotators; " + annotatorIds.size()
                + " given");
        }
        LocalDate today = LocalDate.now(clock);
        if (r.dueDate() != null && r.dueDate().isBefore(today)) {
            throw new Problems.BadRequest("the due date " + r.dueDate() + " is in the past (today is " + today + ")");
        }
        Set<Long> annotators = users.holding(Role.ANNOTATOR, annotatorIds);
        List<Long> notAnnotators = annotatorIds.stream().filter(id -> !annotators.contains(id)).sorted().toList();
        if (!notAnnotators.isEmpty()) {
            throw new Problems.BadRequest((notAnnotators.size() == 1 ? "user " : "users ") + firstFew(notAnnotators, ", ")
                + (notAnnotators.size() == 1 ? " is not an annotator" : " are not annotators"));
        }
        Set<Long> inProject = cases.inProject(actor, projectId, caseIds);
        List<Long> foreign = caseIds.stream().filter(id -> !inProject.contains(id)).sorted().toList();
        if (!foreign.isEmpty()) {
            throw new Problems.BadRequest((foreign.size() == 1 ? "case " : "cases ") + firstFew(foreign, ", ")
                + (foreign.size() == 1 ? " is not a case" : " are not cases") + " of project " + projectId);
        }
        Map<Long, UserService.UserName> accounts = users.names(annotatorIds);
        Map<Long, UserService.UserName> ordered = new LinkedHashMap<>();
        annotatorIds.stream().sorted().forEach(id -> ordered.put(id, accounts.get(id)));
        return ordered;
    }

    private static List<Long> idsOf(List<Long> ids, String what, int max) {
        if (ids == null || ids.isEmpty()) {
            throw new Problems.BadRequest("choose at least one " + what);
        }
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw new Problems.BadRequest(what + " ids must not be null");
        }
        if (ids.size() > max) {
            throw new Problems.BadRequest("at most " + max + " " + what + "s in one request; " + ids.size() + " given");
        }
        Set<Long> seen = new HashSet<>();
        List<Long> repeated = ids.stream().filter(id -> !seen.add(id)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw new Problems.BadRequest(what + " ids given more than once: " + firstFew(repeated, ", "));
        }
        return ids;
    }

    private static List<AnnotatorLoad> loads(List<PlannedRead> plan, Map<Long, UserService.UserName> annotators) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        annotators.keySet().forEach(id -> counts.put(id, new int[2]));
        plan.forEach(r -> counts.get(r.annotatorId())[r.mode() == AssignmentMode.AI_ASSISTED ? 0 : 1]++);
        return counts.entrySet().stream().map(e -> new AnnotatorLoad(e.getKey(), annotators.get(e.getKey()).username(),
            e.getValue()[0], e.getValue()[1], e.getValue()[0] + e.getValue()[1])).toList();
    }

    private static String key(long caseId, long annotatorId) {
        return caseId + "/" + annotatorId;
    }

    private static String firstFew(Collection<?> items, String separator) {
        String shown = items.stream().limit(5).map(String::valueOf).collect(Collectors.joining(separator));
        return items.size() > 5 ? shown + " and " + (items.size() - 5) + " more" : shown;
    }
}
