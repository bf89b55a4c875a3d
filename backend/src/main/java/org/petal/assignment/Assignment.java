package org.petal.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One annotator's work on one case. Its state only moves along {@link AssignmentState#next()}. */
@Entity
@Table(name = "assignments")
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private long caseId;

    @Column(name = "annotator_id", nullable = false)
    private long annotatorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AssignmentMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AssignmentState state = AssignmentState.ASSIGNED;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Assignment() {}

    Assignment(long caseId, long annotatorId, AssignmentMode mode, LocalDate dueDate, long createdBy, Instant now) {
        this.caseId = caseId;
        this.annotatorId = annotatorId;
        this.mode = mode;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves to {@code target}; throws {@link IllegalTransitionException} when the workflow does not allow it. */
    void moveTo(AssignmentState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransitionException(id, state, target);
        }
        state = target;
        updatedAt = now;
    }

    public Long getId() { return id; }
    public long getCaseId() { return caseId; }
    public long getAnnotatorId() { return annotatorId; }
    public AssignmentMode getMode() { return mode; }
    public AssignmentState getState() { return state; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
