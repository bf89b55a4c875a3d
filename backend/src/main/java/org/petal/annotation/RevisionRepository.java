package org.petal.annotation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RevisionRepository extends JpaRepository<MaskRevision, Long> {

    List<MaskRevision> findByAssignmentIdOrderByIdAsc(long assignmentId);

    Optional<MaskRevision> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    Optional<MaskRevision> findFirstByAssignmentIdInOrderByIdDesc(Collection<Long> assignmentIds);

    boolean existsByAssignmentId(long assignmentId);

    /** (assignment id, id of its newest revision) of a project's assignments in the states; no label map is read. */
    @Query("select r.assignmentId, max(r.id) from MaskRevision r join Assignment a on a.id = r.assignmentId"
        + " join PetCase c on c.id = a.caseId where c.projectId = :projectId and a.state in :states group by r.assignmentId")
    List<Object[]> newestIdsOfProject(long projectId, java.util.Collection<org.petal.assignment.AssignmentState> states);
}
