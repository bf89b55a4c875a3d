package org.petal.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.petal.audit.AuditLog;
import org.petal.cases.CaseAccess;
import org.petal.cases.CaseService;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments and the review workflow. The rules, all checked here:
 * <ul>
 *   <li>a lead assigns a case to a user who holds the annotator role; two annotators may read one case
 *       (double reading), one annotator never twice;</li>
 *   <li>only the assigned annotator starts, edits (while IN_PROGRESS) and submits their work;</li>
 *   <li>a reviewer decides on SUBMITTED work of others, never on their own;</li>
 *   <li>state changes carry the version the client saw (optimistic locking).</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class AssignmentService implements CaseAccess.AssignedCases {

    private final AssignmentRepository assignments;
    private final CaseService cases;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    AssignmentService(AssignmentRepository assignments, @org.springframework.context.annotation.Lazy CaseService cases,
                      UserService users, AuditLog audit, Clock clock) {
        this.assignments = assignments;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AssignmentView assign(Actor actor, long caseId, long annotatorId, AssignmentMode mode, LocalDate due) {
        actor.require(Role.LEAD);
        cases.get(actor, caseId);
        if (!users.get(annotatorId).roles().contains(Role.ANNOTATOR)) {
            throw new Problems.BadRequest("user " + annotatorId + " is not an annotator");
        }
        if (assignments.existsByCaseIdAndAnnotatorId(caseId, annotatorId)) {
            throw new Problems.Conflict("case " + caseId + " is assigned to user " + annotatorId + " already");
        }
        Assignment a = assignments.save(new Assignment(caseId, annotatorId, mode == null ? AssignmentMode.AI_ASSISTED : mode,
            due, actor.id(), clock.instant()));
        audit.record(actor, "ASSIGNED", "assignment", a.getId(), "case " + caseId + " to user " + annotatorId + ", " + a.getMode());
        return AssignmentView.of(a);
    }

    /** The annotator opens their work: ASSIGNED or CHANGES_REQUESTED become IN_PROGRESS; IN_PROGRESS stays. */
    @Transactional
    public AssignmentView start(Actor actor, long id) {
        Assignment a = own(actor, id);
        if (a.getState() != AssignmentState.IN_PROGRESS) {
            a.moveTo(AssignmentState.IN_PROGRESS, clock.instant());
            audit.record(actor, "STARTED", "assignment", id, null);
        }
        return AssignmentView.of(flush(a));
    }

    /** The annotator hands in: IN_PROGRESS → SUBMITTED, only with at least one accepted revision. */
    @Transactional
    public AssignmentView submit(Actor actor, long id, long expectedVersion, boolean hasRevision) {
        Assignment a = own(actor, id);
        requireVersion(a, expectedVersion);
        if (!hasRevision) {
            throw new Problems.Conflict("accept a mask before submitting: assignment " + id + " has no revision");
        }
        a.moveTo(AssignmentState.SUBMITTED, clock.instant());
        audit.record(actor, "SUBMITTED", "assignment", id, null);
        return AssignmentView.of(flush(a));
    }

    /** A reviewer's decision on submitted work of someone else. */
    @Transactional
    public AssignmentView decide(Actor actor, long id, long expectedVersion, boolean approve) {
        actor.require(Role.REVIEWER);
        Assignment a = find(id);
        if (a.getAnnotatorId() == actor.id()) {
            throw new Problems.Forbidden("nobody reviews their own work");
        }
        requireVersion(a, expectedVersion);
        a.moveTo(approve ? AssignmentState.APPROVED : AssignmentState.CHANGES_REQUESTED, clock.instant());
        audit.record(actor, approve ? "APPROVED" : "CHANGES_REQUESTED", "assignment", id, null);
        return AssignmentView.of(flush(a));
    }

    /** The assignment, if the actor may edit it now: their own, IN_PROGRESS. */
    public AssignmentView requireEditable(Actor actor, long id) {
        Assignment a = own(actor, id);
        if (a.getState() != AssignmentState.IN_PROGRESS) {
            throw new Problems.Conflict("assignment " + id + " is " + a.getState() + ", not IN_PROGRESS: open it first");
        }
        return AssignmentView.of(a);
    }

    /** The assignment, if the actor may read it: the annotator, leads, reviewers, coordinators. */
    public AssignmentView get(Actor actor, long id) {
        Assignment a = find(id);
        if (!readable(actor, a)) {
            throw new Problems.NotFound("no assignment " + id);
        }
        return AssignmentView.of(a);
    }

    /** The case's APPROVED assignments that the actor may read (see {@link #get}), oldest first. */
    public List<AssignmentView> approvedOf(Actor actor, long caseId) {
        return assignments.findByCaseIdOrderByIdAsc(caseId).stream()
            .filter(a -> a.getState() == AssignmentState.APPROVED && readable(actor, a)).map(AssignmentView::of).toList();
    }

    private static boolean readable(Actor actor, Assignment a) {
        return a.getAnnotatorId() == actor.id() || actor.has(Role.LEAD) || actor.has(Role.REVIEWER)
            || actor.has(Role.COORDINATOR);
    }

    public List<AssignmentView> mine(Actor actor) {
        return assignments.findByAnnotatorIdOrderByIdAsc(actor.id()).stream().map(AssignmentView::of).toList();
    }

    /** The project's cases with at least one approved read (their segmentation can be exported). */
    public java.util.Set<Long> approvedCaseIds(Actor actor, long projectId) {
        actor.require(Role.LEAD, Role.COORDINATOR);
        return new java.util.HashSet<>(assignments.approvedCaseIdsOfProject(projectId));
    }

    /** The keys of the cases assigned to the actor, by case id (their worklist names them). */
    public Map<Long, String> caseKeysOfMine(Actor actor) {
        Map<Long, String> keys = new HashMap<>();
        assignments.caseKeysOfAnnotator(actor.id()).forEach(row -> keys.put((Long) row[0], (String) row[1]));
        return keys;
    }

    /** Reviewer's queue: submitted work of others, oldest first. */
    public List<AssignmentView> reviewQueue(Actor actor) {
        actor.require(Role.REVIEWER);
        return assignments.findByStateAndAnnotatorIdNotOrderByUpdatedAtAsc(AssignmentState.SUBMITTED, actor.id()).stream()
            .map(AssignmentView::of).toList();
    }

    public List<AssignmentView> ofCase(Actor actor, long caseId) {
        actor.require(Role.LEAD, Role.REVIEWER, Role.COORDINATOR);
        return assignments.findByCaseIdOrderByIdAsc(caseId).stream().map(AssignmentView::of).toList();
    }

    /** The assignments of a project's cases, in id order (reports); one query. */
    public List<AssignmentView> ofProject(Actor actor, long projectId) {
        actor.require(Role.LEAD, Role.COORDINATOR);
        return assignments.findByProject(projectId).stream().map(AssignmentView::of).toList();
    }

    /** All assignments (reports). */
    public List<AssignmentView> all(Actor actor) {
        actor.require(Role.LEAD, Role.COORDINATOR);
        return assignments.findAll().stream().map(AssignmentView::of).toList();
    }

    @Override
    public boolean isAssigned(long caseId, long annotatorId) {
        return assignments.existsByCaseIdAndAnnotatorId(caseId, annotatorId);
    }

    private Assignment own(Actor actor, long id) {
        Assignment a = find(id);
        if (a.getAnnotatorId() != actor.id()) {
            if (actor.has(Role.LEAD) || actor.has(Role.REVIEWER) || actor.has(Role.COORDINATOR)) {
                throw new Problems.Forbidden("assignment " + id + " belongs to another annotator");
            }
            throw new Problems.NotFound("no assignment " + id);
        }
        actor.require(Role.ANNOTATOR);
        return a;
    }

    private Assignment find(long id) {
        return assignments.findById(id).orElseThrow(() -> new Problems.NotFound("no assignment " + id));
    }

    private static void requireVersion(Assignment a, long expected) {
        if (a.getVersion() != expected) {
            throw new Problems.Conflict("assignment " + a.getId() + " changed since version " + expected
                + " (now " + a.getVersion() + ", " + a.getState() + "); reload and try again");
        }
    }

    private Assignment flush(Assignment a) {
        assignments.flush();  // the view carries the incremented version
        return a;
    }
}
