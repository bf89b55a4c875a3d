package org.petal.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sitting of an annotator on an assignment: from opening the case to closing it (or the connection dropping). */
@Entity
@Table(name = "annotation_sessions")
public class AnnotationSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected AnnotationSession() {}

    AnnotationSession(long assignmentId, long userId, Instant openedAt) {
        this.assignmentId = assignmentId;
        this.userId = userId;
        this.openedAt = openedAt;
    }

    void close(Instant at) {
        if (closedAt == null) {
            closedAt = at;
        }
    }

    public Long getId() { return id; }
    public long getAssignmentId() { return assignmentId; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
}
