package org.petal.annotation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevisionRepository extends JpaRepository<MaskRevision, Long> {

    List<MaskRevision> findByAssignmentIdOrderByIdAsc(long assignmentId);

    Optional<MaskRevision> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    Optional<MaskRevision> findFirstByAssignmentIdInOrderByIdDesc(Collection<Long> assignmentIds);

    boolean existsByAssignmentId(long assignmentId);
}
