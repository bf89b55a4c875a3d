package org.petal.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByTargetTypeAndTargetIdOrderByIdAsc(String targetType, Long targetId);
}
