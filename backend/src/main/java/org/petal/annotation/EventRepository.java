package org.petal.annotation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventRepository extends JpaRepository<InteractionEvent, Long> {

    List<InteractionEvent> findByAssignmentIdOrderByAtAscIdAsc(long assignmentId);

    List<InteractionEvent> findByAssignmentIdInOrderByAssignmentIdAscAtAscIdAsc(Collection<Long> assignmentIds);
}
