package org.petal.segmentation;

import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentState;
import org.petal.cases.CaseService;
import org.petal.projects.ProjectService;
import java.util.List;
import java.util.function.Consumer;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Component;

/**
 * The services a {@link Sitting} talks to, gathered once; hands out one sitting per socket. The services
 * own rights, transactions and everything durable; sittings own only what is open in the worker.
 */
@Component
class Sittings {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(Sittings.class);

    final AssignmentService assignments;
    final CaseService cases;
    final ProjectService projects;
    final InteractionLog log;
    final RevisionService revisions;
    final InferenceWorker worker;
    final SegmentationProperties properties;
    final ParkedSittings parked;

    Sittings(AssignmentService assignments, CaseService cases, ProjectService projects, InteractionLog log,
             RevisionService revisions, InferenceWorker worker, SegmentationProperties properties, ParkedSittings parked) {
        this.assignments = assignments;
        this.cases = cases;
        this.projects = projects;
        this.log = log;
        this.revisions = revisions;
        this.worker = worker;
        this.properties = properties;
        this.parked = parked;
    }

    /** The newest revision of the assignment, or null (rights are checked by the revision service). */
    Long newestRevision(Actor actor, long assignmentId) {
        var all = revisions.list(actor, assignmentId);
        return all.isEmpty() ? null : all.get(all.size() - 1).id();
    }

    /**
     * Lets the worker read the assignment's case before the first click (after {@code resume}, which a
     * client sends when it opens a case). Best effort: a failure here shows up, properly reported, at
     * {@code open}.
     */
    void prepareEngine(Actor actor, long assignmentId) {
        try {
            var a = assignments.get(actor, assignmentId);
            if (a.state() == AssignmentState.SUBMITTED || a.state() == AssignmentState.APPROVED) {
                return;  // nothing will be edited
            }
            var c = cases.get(actor, a.caseId());
            worker.prepare(new InferenceWorker.CaseVolume(c.id(), c.version(), () -> cases.volume(actor, c.id())));
        } catch (RuntimeException e) {
            logger.debug("no engine preparation for assignment {}: {}", assignmentId, e.getMessage());
        }
    }

    /**
     * The answer to {@code resume}: the user's parked sitting on the assignment moved to {@code connection},
     * or, when none was kept, an empty answer naming the revision a new sitting would start from.
     */
    Message.Resumed resume(Connection connection, Message.Resume m, Consumer<byte[]> deltas) {
        Actor actor = connection.sitting.actor();
        if (connection.sitting.assignmentId() != null) {
            throw new Problems.BadRequest("resume must come before the socket's first open");
        }
        assignments.get(actor, m.assignmentId());  // rights, before anything is handed over; state: see resumed()
        Sitting kept = parked.claim(actor, m.assignmentId());
        if (kept == null) {
            return new Message.Resumed(null, newestRevision(actor, m.assignmentId()), List.of(), false,
                properties.heartbeatInterval().toMillis());
        }
        connection.adopt(kept);
        return kept.resumed(deltas);
    }

    Sitting start(Actor actor) {
        return new Sitting(this, actor);
    }
}
