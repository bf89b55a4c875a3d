package org.petal.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<InteractionEvent, Long> {

    List<InteractionEvent> findByAssignmentIdOrderByAtAscIdAsc(long assignmentId);

    List<InteractionEvent> findByAssignmentIdInOrderByAssignmentIdAscAtAscIdAsc(Collection<Long> assignmentIds);

    /** (assignment id, time) of every event of the type; no entities, for reports over many assignments. */
    @Query("select e.assignmentId, e.at from InteractionEvent e where e.type = :type and e.assignmentId in :ids"
        + " order by e.at, e.id")
    List<Object[]> timesOf(EventType type, Collection<Long> ids);
}
