package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.petal.annotation.EventType;
import org.petal.annotation.InteractionLog;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.audit.AuditLog;
import org.petal.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the platform must get right on every database it supports; run by one subclass per database
 * (H2 file, PostgreSQL server).
 */
abstract class PersistenceContract {

    @Autowired TestData data;
    @Autowired AssignmentService assignments;
    @Autowired RevisionService revisions;
    @Autowired InteractionLog log;
    @Autowired AuditLog audit;
    @Autowired EntityManagerFactory emf;
    @Autowired BulkAssignmentService bulk;
    @Autowired ProjectProgressService progress;

    @Test
    void anAcceptedLabelMapComesBackByteForByte() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        assignments.start(ann, id);
        byte[] labels = new byte[TestData.N * TestData.N * TestData.N];
        Random random = new Random(5);
        for (int v = 0; v < labels.length; v++) {
            labels[v] = (byte) (random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0);
        }
        var r = revisions.accept(ann, id, null, labels, MaskRevision.Source.MIXED);
        assertThat(revisions.labels(ann, r.id())).isEqualTo(labels);
        assertThat(revisions.list(ann, id)).singleElement().satisfies(v -> {
            assertThat(v.source()).isEqualTo(MaskRevision.Source.MIXED);
            assertThat(v.sha256()).hasSize(64);
        });
    }

    @Test
    void twoConcurrentChangesOfOneAssignmentCannotBothCommit() {
        var s = data.scenario();
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            Assignment a1 = first.find(Assignment.class, s.assignment().id());
            Assignment a2 = second.find(Assignment.class, s.assignment().id());
            a1.moveTo(AssignmentState.IN_PROGRESS, Instant.now());
            a2.moveTo(AssignmentState.IN_PROGRESS, Instant.now());
            first.getTransaction().commit();
            assertThatThrownBy(() -> second.getTransaction().commit())
                .isInstanceOfAny(RollbackException.class, OptimisticLockException.class);
        } finally {
            first.close();
            second.close();
        }
        assertThat(assignments.get(s.team().annotator(), s.assignment().id()).version()).isEqualTo(1);
    }

    @Test
    void eventsAndAuditLinesAreStoredWithServerTimestampsInOrder() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        long session = log.open(ann, id);
        log.record(ann, id, session, EventType.CLICK_INCLUDE, 2, "suv-grow", 12.5, null);
        log.record(ann, id, session, EventType.UNDO, 2, null, null, null);
        log.close(ann, session);
        var events = log.events(ann, id);
        assertThat(events).extracting(e -> e.getType())
            .containsExactly(EventType.OPEN, EventType.CLICK_INCLUDE, EventType.UNDO, EventType.CLOSE);
        assertThat(events).extracting(e -> e.getAt()).isSorted();
        var summary = log.summary(ann, id);
        assertThat(summary.clicks()).isEqualTo(1);
        assertThat(summary.latencyMeanMs()).isEqualTo(12.5);
        assertThat(audit.of("assignment", id)).extracting(e -> e.getAction()).containsSubsequence(List.of("ASSIGNED", "STARTED"));
    }

    @Test
    void aBulkCrossoverAndTheProgressCountsWorkTheSameOnEveryDatabase() {
        var t = data.team();
        long project = data.project(t.lead()).id();
        List<Long> cases = List.of(data.petCase(t.lead(), project).id(), data.petCase(t.lead(), project).id(),
            data.petCase(t.lead(), project).id());
        var result = bulk.assign(t.lead(), project, new BulkAssignmentService.Request(cases,
            List.of(t.annotator().id(), t.annotator2().id()), Reading.DOUBLE, StudyDesign.CROSSOVER,
            java.time.LocalDate.now().plusDays(7)));
        assertThat(result.created()).isEqualTo(6);
        assignments.start(t.annotator(), result.reads().stream().filter(r -> r.annotatorId() == t.annotator().id())
            .findFirst().orElseThrow().assignmentId());

        var p = progress.of(t.lead(), project);
        assertThat(p.cases().total()).isEqualTo(3);
        assertThat(p.cases().byStage()).as("the started case's other read has not started")
            .containsEntry(AssignmentState.ASSIGNED, 3L).containsEntry(AssignmentState.IN_PROGRESS, 0L);
        assertThat(p.assignments().byState()).containsEntry(AssignmentState.ASSIGNED, 5L)
            .containsEntry(AssignmentState.IN_PROGRESS, 1L);
        assertThat(p.assignments().byMode()).containsEntry(AssignmentMode.AI_ASSISTED, 3L).containsEntry(AssignmentMode.MANUAL, 3L);
        assertThat(p.annotators()).extracting(ProjectProgressService.AnnotatorProgress::total).containsOnly(3L);
        assertThat(p.overdue().count()).isZero();
    }
}
