package org.petal.review;

import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.petal.annotation.RevisionService;
import org.petal.assignment.AssignmentService;
import org.petal.assignment.AssignmentView;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reviews: a reviewer approves submitted work or sends it back with comments pinned to voxels. */
@Service
@Transactional(readOnly = true)
public class ReviewService {

    public record Pin(int i, int j, int k, @NotBlank String text) {}

    public record ReviewView(long id, long assignmentId, Long revisionId, long reviewerId, Review.Decision decision,
                             String summary, Instant createdAt, List<Pin> comments) {
        static ReviewView of(Review r) {
            return new ReviewView(r.getId(), r.getAssignmentId(), r.getRevisionId(), r.getReviewerId(), r.getDecision(),
                r.getSummary(), r.getCreatedAt(),
                r.getComments().stream().map(c -> new Pin(c.getI(), c.getJ(), c.getK(), c.getText())).toList());
        }
    }

    private final ReviewRepository reviews;
    private final AssignmentService assignments;
    private final RevisionService revisions;
    private final CaseService cases;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, AssignmentService assignments, RevisionService revisions, CaseService cases,
                  Clock clock) {
        this.reviews = reviews;
        this.assignments = assignments;
        this.revisions = revisions;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Decides on the assignment's newest revision. Requesting changes needs a reason (a summary or at
     * least one pinned comment); pins must lie inside the case.
     */
    @Transactional
    public ReviewView decide(Actor actor, long assignmentId, long expectedVersion, Review.Decision decision, String summary,
                             List<Pin> pins) {
        List<Pin> comments = pins == null ? List.of() : pins;
        String text = summary == null ? "" : summary.strip();
        if (decision == Review.Decision.CHANGES_REQUESTED && text.isEmpty() && comments.isEmpty()) {
            throw new Problems.BadRequest("say what should change: a summary or a comment pinned to the image");
        }
        AssignmentView a = assignments.decide(actor, assignmentId, expectedVersion, decision == Review.Decision.APPROVED);
        CaseView c = cases.get(actor, a.caseId());
        for (Pin p : comments) {
            if (p.i() < 0 || p.j() < 0 || p.k() < 0 || p.i() >= c.dims()[0] || p.j() >= c.dims()[1] || p.k() >= c.dims()[2]) {
                throw new Problems.BadRequest("comment pinned outside the case: " + p.i() + "," + p.j() + "," + p.k());
            }
            if (p.text() == null || p.text().isBlank()) {
                throw new Problems.BadRequest("a pinned comment needs text");
            }
        }
        List<RevisionService.RevisionView> history = revisions.list(actor, assignmentId);
        Long revision = history.isEmpty() ? null : history.get(history.size() - 1).id();
        Review r = reviews.save(new Review(assignmentId, revision, actor.id(), decision, text, clock.instant(),
            comments.stream().map(p -> new ReviewComment(p.i(), p.j(), p.k(), p.text().strip())).toList()));
        return ReviewView.of(r);
    }

    /** Reviews of an assignment, oldest first; the annotator sees them too. */
    public List<ReviewView> of(Actor actor, long assignmentId) {
        assignments.get(actor, assignmentId);
        return reviews.findByAssignmentIdOrderByIdAsc(assignmentId).stream().map(ReviewView::of).toList();
    }
}
