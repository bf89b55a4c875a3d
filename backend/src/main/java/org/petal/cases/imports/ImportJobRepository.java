package org.petal.cases.imports;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    List<ImportJob> findByProjectIdOrderByIdDesc(long projectId);

    List<ImportJob> findByStateIn(Collection<ImportState> states);
}
