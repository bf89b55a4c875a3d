package org.petal.audit;

import java.time.Clock;
import java.util.List;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends to the audit log inside the caller's transaction: an action and its audit line commit together. */
@Service
public class AuditLog {

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String targetType, Long targetId, String detail) {
        entries.save(new AuditEntry(clock.instant(), actor == null ? null : actor.id(), action, targetType, targetId, detail));
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> of(String targetType, long targetId) {
        return entries.findByTargetTypeAndTargetIdOrderByIdAsc(targetType, targetId);
    }
}
