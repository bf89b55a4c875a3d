package org.petal.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<PetCase, Long> {

    List<PetCase> findByProjectIdOrderByCaseKey(long projectId);

    boolean existsByProjectIdAndCaseKey(long projectId, String caseKey);
}
