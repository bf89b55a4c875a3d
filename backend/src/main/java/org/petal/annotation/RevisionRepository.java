package org.petal.annotation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RevisionRepository extends JpaRepository<MaskRevision, Long> {

    List<MaskRevision> findByAssignmentIdOrderByIdAsc(long assignmentId);

    Optional<MaskRevision> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    boolean existsByAssignmentId(long assignmentId);

    /** (assignment id, id of its newest revision) without reading any label map. */
    @Query("select r.assignmentId, max(r.id) from MaskRevision r where r.assignmentId in :ids group by r.assignmentId")
    List<Object[]> newestIds(java.util.Collection<Long> ids);
}
