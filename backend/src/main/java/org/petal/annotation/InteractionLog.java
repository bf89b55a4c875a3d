package org.petal.annotation;

import java.time.Clock;
import java.util.List;
import org.petal.assignment.AssignmentService;
import org.petal.system.PetalProperties;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what annotators do, stamped with the server's clock, and answers time figures from it. The
 * browser's own clock is never trusted for time accounting.
 */
@Service
@Transactional(readOnly = true)
public class InteractionLog {

    /** Ids per IN list of the batch reads. */
    private static final int IN_CHUNK = 5_000;

    private final EventRepository events;
    private final SessionRepository sessions;
    private final AssignmentService assignments;
    private final PetalProperties properties;
    private final Clock clock;

    InteractionLog(EventRepository events, SessionRepository sessions, AssignmentService assignments,
                   PetalProperties properties, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.assignments = assignments;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a sitting on the actor's own assignment (which becomes IN_PROGRESS) and records OPEN. */
    @Transactional
    public long open(Actor actor, long assignmentId) {
        assignments.start(actor, assignmentId);
        AnnotationSession s = sessions.save(new AnnotationSession(assignmentId, actor.id(), clock.instant()));
        events.save(new InteractionEvent(assignmentId, s.getId(), actor.id(), EventType.OPEN, null, s.getOpenedAt(),
            null, null, null));
        return s.getId();
    }

    /** Records one action of an open sitting. Editing actions need the assignment to be editable. */
    @Transactional
    public void record(Actor actor, long assignmentId, Long sessionId, EventType type, Integer label, String engine,
                       Double latencyMs, String detail) {
        if (type.isEdit() || type == EventType.ACCEPT) {
            assignments.requireEditable(actor, assignmentId);
        } else {
            assignments.get(actor, assignmentId);
        }
        events.save(new InteractionEvent(assignmentId, sessionId, actor.id(), type, label, clock.instant(), engine,
            latencyMs, detail));
    }

    /** Records SUBMIT after the assignment has left IN_PROGRESS (so the editable check does not apply). */
    @Transactional
    void recordAfterSubmit(Actor actor, long assignmentId, Long sessionId) {
        events.save(new InteractionEvent(assignmentId, sessionId, actor.id(), EventType.SUBMIT, null, clock.instant(),
            null, null, null));
    }

    /** Closes a sitting (idempotent) and records CLOSE. */
    @Transactional
    public void close(Actor actor, long sessionId) {
        sessions.findById(sessionId).ifPresent(s -> {
            if (s.getClosedAt() == null) {
                s.close(clock.instant());
                events.save(new InteractionEvent(s.getAssignmentId(), s.getId(), actor.id(), EventType.CLOSE, null,
                    s.getClosedAt(), null, null, null));
            }
        });
    }

    public TimeAccounting.TimeSummary summary(Actor actor, long assignmentId) {
        assignments.get(actor, assignmentId);
        return TimeAccounting.summarise(assignmentId, events.findByAssignmentIdOrderByAtAscIdAsc(assignmentId),
            properties.idleThreshold());
    }

    /**
     * Time figures of many assignments from one query (reports over thousands of assignments); only for
     * leads and coordinators, who may read every assignment.
     */
    public java.util.Map<Long, TimeAccounting.TimeSummary> summaries(Actor actor, java.util.Collection<Long> assignmentIds) {
        actor.require(org.petal.users.Role.LEAD, org.petal.users.Role.COORDINATOR);
        java.util.Map<Long, List<InteractionEvent>> byAssignment = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(assignmentIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            // Chunks keep each IN list far below PostgreSQL's 32,767 bind parameters; an assignment's events
            // all come in its own chunk, in time order.
            for (InteractionEvent e : events.findByAssignmentIdInOrderByAssignmentIdAscAtAscIdAsc(
                    ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))) {
                byAssignment.computeIfAbsent(e.getAssignmentId(), id -> new java.util.ArrayList<>()).add(e);
            }
        }
        java.util.Map<Long, TimeAccounting.TimeSummary> out = new java.util.HashMap<>();
        for (Long id : assignmentIds) {
            out.put(id, TimeAccounting.summarise(id, byAssignment.getOrDefault(id, List.of()), properties.idleThreshold()));
        }
        return out;
    }

    /**
     * What the annotators of a project did, from one query over its events (the study report over thousands
     * of assignments): every assignment's time figures, and when each was handed in.
     *
     * @param time        time figures of every assignment with at least one event
     * @param submissions the server time of every SUBMIT per assignment, oldest first (resubmissions after a
     *                    review included); assignments never submitted are absent
     */
    public record ProjectActivity(java.util.Map<Long, TimeAccounting.TimeSummary> time,
                                  java.util.Map<Long, List<java.time.Instant>> submissions) {}

    /** Leads and coordinators. */
    public ProjectActivity activityOfProject(Actor actor, long projectId) {
        actor.require(org.petal.users.Role.LEAD, org.petal.users.Role.COORDINATOR);
        java.util.Map<Long, TimeAccounting.TimeSummary> time = new java.util.HashMap<>();
        java.util.Map<Long, List<java.time.Instant>> submissions = new java.util.HashMap<>();
        List<InteractionEvent> run = new java.util.ArrayList<>();
        for (Object[] r : events.rowsOfProject(projectId)) {
            // Rows come ordered by assignment: summarise each assignment's run of events as it ends.
            InteractionEvent e = new InteractionEvent((Long) r[0], (Long) r[1], (Long) r[2], (EventType) r[3], (Integer) r[4],
                (java.time.Instant) r[5], (String) r[6], (Double) r[7], null);
            if (!run.isEmpty() && run.get(0).getAssignmentId() != e.getAssignmentId()) {
                time.put(run.get(0).getAssignmentId(), TimeAccounting.summarise(run.get(0).getAssignmentId(), run,
                    properties.idleThreshold()));
                run = new java.util.ArrayList<>();
            }
            run.add(e);
            if (e.getType() == EventType.SUBMIT) {
                submissions.computeIfAbsent(e.getAssignmentId(), id -> new java.util.ArrayList<>()).add(e.getAt());
            }
        }
        if (!run.isEmpty()) {
            time.put(run.get(0).getAssignmentId(), TimeAccounting.summarise(run.get(0).getAssignmentId(), run,
                properties.idleThreshold()));
        }
        return new ProjectActivity(time, submissions);
    }

    public List<InteractionEvent> events(Actor actor, long assignmentId) {
        assignments.get(actor, assignmentId);
        return events.findByAssignmentIdOrderByAtAscIdAsc(assignmentId);
    }
}
