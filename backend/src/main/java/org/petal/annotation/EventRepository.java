package org.petal.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<InteractionEvent, Long> {

    List<InteractionEvent> findByAssignmentIdOrderByAtAscIdAsc(long assignmentId);

    List<InteractionEvent> findByAssignmentIdInOrderByAssignmentIdAscAtAscIdAsc(Collection<Long> assignmentIds);

    /**
     * The events of a project's assignments as columns (assignment id, session id, user id, type, label, time,
     * engine, latency), ordered as time accounting needs them. Columns rather than entities and a join rather
     * than an IN list of ids: a report reads a few hundred thousand of these, and H2 checks a long parameter
     * list row by row.
     */
    @Query("select e.assignmentId, e.sessionId, e.userId, e.type, e.labelValue, e.at, e.engine, e.latencyMs"
        + " from InteractionEvent e join Assignment a on a.id = e.assignmentId join PetCase c on c.id = a.caseId"
        + " where c.projectId = :projectId order by e.assignmentId, e.at, e.id")
    List<Object[]> rowsOfProject(long projectId);
}
