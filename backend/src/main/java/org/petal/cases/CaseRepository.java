package org.petal.cases;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<PetCase, Long> {

    List<PetCase> findByProjectIdOrderByCaseKey(long projectId);

    boolean existsByProjectIdAndCaseKey(long projectId, String caseKey);

    long countByProjectId(long projectId);

    @Query("select c.id from PetCase c where c.projectId = :projectId and c.id in :ids")
    List<Long> idsInProject(@Param("projectId") long projectId, @Param("ids") Collection<Long> ids);

    /** Rows of (id, case key). */
    @Query("select c.id, c.caseKey from PetCase c where c.id in :ids")
    List<Object[]> keysOf(@Param("ids") Collection<Long> ids);
}
