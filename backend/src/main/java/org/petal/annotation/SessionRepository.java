package org.petal.annotation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionRepository extends JpaRepository<AnnotationSession, Long> {

    List<AnnotationSession> findByAssignmentIdOrderByOpenedAtAsc(long assignmentId);
}
