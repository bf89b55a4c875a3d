package org.petal.segmentation;

import org.petal.annotation.InteractionLog;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentService;
import org.petal.cases.CaseService;
import org.petal.projects.ProjectService;
import org.petal.users.Actor;
import org.springframework.stereotype.Component;

/**
 * The services a {@link Sitting} talks to, gathered once; hands out one sitting per socket. The services
 * own rights, transactions and everything durable; sittings own only what is open in the worker.
 */
@Component
class Sittings {

    final AssignmentService assignments;
    final CaseService cases;
    final ProjectService projects;
    final InteractionLog log;
    final RevisionService revisions;
    final InferenceWorker worker;
    final SegmentationProperties properties;

    Sittings(AssignmentService assignments, CaseService cases, ProjectService projects, InteractionLog log,
             RevisionService revisions, InferenceWorker worker, SegmentationProperties properties) {
        this.assignments = assignments;
        this.cases = cases;
        this.projects = projects;
        this.log = log;
        this.revisions = revisions;
        this.worker = worker;
        this.properties = properties;
    }

    Sitting start(Actor actor) {
        return new Sitting(this, actor);
    }
}
