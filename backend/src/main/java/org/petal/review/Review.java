package org.petal.review;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A reviewer's decision on submitted work, with comments pinned to voxels. */
@Entity
@Table(name = "reviews")
public class Review {

    public enum Decision { APPROVED, CHANGES_REQUESTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assignment_id", nullable = false)
    private long assignmentId;

    @Column(name = "revision_id")
    private Long revisionId;

    @Column(name = "reviewer_id", nullable = false)
    private long reviewerId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Decision decision;

    @Column(nullable = false, length = 2000)
    private String summary;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "review_id", nullable = false)
    private List<ReviewComment> comments = new ArrayList<>();

    protected Review() {}

    Review(long assignmentId, Long revisionId, long reviewerId, Decision decision, String summary, Instant at,
           List<ReviewComment> comments) {
        this.assignmentId = assignmentId;
        this.revisionId = revisionId;
        this.reviewerId = reviewerId;
        this.decision = decision;
        this.summary = summary;
        this.createdAt = at;
        this.comments = new ArrayList<>(comments);
    }

    public Long getId() { return id; }
    public long getAssignmentId() { return assignmentId; }
    public Long getRevisionId() { return revisionId; }
    public long getReviewerId() { return reviewerId; }
    public Decision getDecision() { return decision; }
    public String getSummary() { return summary; }
    public Instant getCreatedAt() { return createdAt; }
    public List<ReviewComment> getComments() { return List.copyOf(comments); }
}
