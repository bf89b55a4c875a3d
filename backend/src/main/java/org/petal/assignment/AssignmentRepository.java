package org.petal.assignment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByAnnotatorIdOrderByIdAsc(long annotatorId);

    List<Assignment> findByCaseIdOrderByIdAsc(long caseId);

    List<Assignment> findByCaseIdInOrderByIdAsc(Collection<Long> caseIds);

    List<Assignment> findByStateAndAnnotatorIdNotOrderByUpdatedAtAsc(AssignmentState state, long annotatorId);

    boolean existsByCaseIdAndAnnotatorId(long caseId, long annotatorId);

    /** A join, not an IN list of case ids: H2 checks a long parameter list row by row. */
    @Query("select a from Assignment a join PetCase c on c.id = a.caseId where c.projectId = :projectId order by a.id")
    List<Assignment> findByProject(long projectId);
}
