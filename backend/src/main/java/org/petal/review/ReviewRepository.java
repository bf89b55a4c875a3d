package org.petal.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewRepository extends JpaRepository<Review, Long> {

    List<Review> findByAssignmentIdOrderByIdAsc(long assignmentId);
}
