package org.petal.assignment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByAnnotatorIdOrderByIdAsc(long annotatorId);

    List<Assignment> findByCaseIdOrderByIdAsc(long caseId);

    List<Assignment> findByCaseIdInOrderByIdAsc(Collection<Long> caseIds);

    List<Assignment> findByStateAndAnnotatorIdNotOrderByUpdatedAtAsc(AssignmentState state, long annotatorId);

    boolean existsByCaseIdAndAnnotatorId(long caseId, long annotatorId);

    List<Assignment> findByCaseIdInAndAnnotatorIdIn(Collection<Long> caseIds, Collection<Long> annotatorIds);
}
