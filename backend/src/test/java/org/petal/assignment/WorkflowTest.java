package org.petal.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petal.annotation.MaskRevision;
import org.petal.annotation.RevisionService;
import org.petal.review.Review;
import org.petal.review.ReviewService;
import org.petal.support.PetalTest;
import org.petal.support.TestData;
import org.petal.system.Problems;
import org.springframework.beans.factory.annotation.Autowired;

/** The review workflow through the real services and database: who may move an assignment where. */
@PetalTest
class WorkflowTest {

    @Autowired TestData data;
    @Autowired AssignmentService assignments;
    @Autowired RevisionService revisions;
    @Autowired ReviewService reviews;

    @Test
    void theAnnotatorStartsAcceptsAndSubmitsAndTheReviewerApproves() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        assertThat(assignments.start(ann, id).state()).isEqualTo(AssignmentState.IN_PROGRESS);
        revisions.accept(ann, id, null, TestData.labelsWithCube(2), MaskRevision.Source.AI);
        var submitted = revisions.submit(ann, id, assignments.get(ann, id).version(), null);
        assertThat(submitted.state()).isEqualTo(AssignmentState.SUBMITTED);
        assertThat(assignments.reviewQueue(s.team().reviewer())).extracting(AssignmentView::id).contains(id);

        var review = reviews.decide(s.team().reviewer(), id, submitted.version(), Review.Decision.APPROVED, "good", List.of());
        assertThat(review.revisionId()).isNotNull();
        assertThat(assignments.get(ann, id).state()).isEqualTo(AssignmentState.APPROVED);
    }

    @Test
    void changesRequestedGoBackToTheAnnotatorWithTheirPinnedCommentsAndCanBeResubmitted() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        var v = submitted(ann, id);
        reviews.decide(s.team().reviewer(), id, v.version(), Review.Decision.CHANGES_REQUESTED, "",
            List.of(new ReviewService.Pin(12, 12, 13, "the lesion extends one slice further")));

        assertThat(assignments.get(ann, id).state()).isEqualTo(AssignmentState.CHANGES_REQUESTED);
        assertThat(reviews.of(ann, id).get(0).comments()).singleElement()
            .satisfies(c -> assertThat(c.text()).contains("one slice further"));
        assertThat(assignments.start(ann, id).state()).isEqualTo(AssignmentState.IN_PROGRESS);
        var second = revisions.accept(ann, id, null, TestData.labelsWithCube(2), MaskRevision.Source.MIXED);
        assertThat(second.parentId()).as("the new revision's parent is the first").isNotNull();
        assertThat(revisions.submit(ann, id, assignments.get(ann, id).version(), null).state())
            .isEqualTo(AssignmentState.SUBMITTED);
    }

    @Test
    void submittingWithoutAnAcceptedMaskIsRefused() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        assignments.start(ann, id);
        assertThatThrownBy(() -> revisions.submit(ann, id, assignments.get(ann, id).version(), null))
            .isInstanceOf(Problems.Conflict.class).hasMessageContaining("no revision");
    }

    @Test
    void anAnnotatorCannotSeeStartOrEditSomeoneElsesAssignment() {
        var s = data.scenario();
        var other = s.team().annotator2();
        long id = s.assignment().id();
        assertThatThrownBy(() -> assignments.get(other, id)).isInstanceOf(Problems.NotFound.class);
        assertThatThrownBy(() -> assignments.start(other, id)).isInstanceOf(Problems.NotFound.class);
        assignments.start(s.team().annotator(), id);
        assertThatThrownBy(() -> revisions.accept(other, id, null, TestData.labelsWithCube(2), MaskRevision.Source.AI))
            .isInstanceOf(Problems.NotFound.class);
    }

    @Test
    void submittedOrApprovedWorkCannotBeEditedAnyMore() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        var v = submitted(ann, id);
        assertThatThrownBy(() -> revisions.accept(ann, id, null, TestData.labelsWithCube(1), MaskRevision.Source.AI))
            .isInstanceOf(Problems.Conflict.class).hasMessageContaining("SUBMITTED");
        reviews.decide(s.team().reviewer(), id, v.version(), Review.Decision.APPROVED, "", List.of());
        assertThatThrownBy(() -> assignments.start(ann, id)).isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining("final");
    }

    @Test
    void nobodyReviewsTheirOwnWorkAndOnlyReviewersReview() {
        var s = data.scenario();
        var revann = s.team().reviewingAnnotator();
        var own = assignments.assign(s.team().lead(), s.petCase().id(), revann.id(), AssignmentMode.MANUAL, null);
        assignments.start(revann, own.id());
        revisions.accept(revann, own.id(), null, TestData.labelsWithCube(1), MaskRevision.Source.MANUAL);
        var v = revisions.submit(revann, own.id(), assignments.get(revann, own.id()).version(), null);
        assertThat(assignments.reviewQueue(revann)).extracting(AssignmentView::id).doesNotContain(own.id());
        assertThatThrownBy(() -> reviews.decide(revann, own.id(), v.version(), Review.Decision.APPROVED, "", List.of()))
            .isInstanceOf(Problems.Forbidden.class).hasMessageContaining("own work");
        assertThatThrownBy(() -> reviews.decide(s.team().coordinator(), own.id(), v.version(), Review.Decision.APPROVED,
            "", List.of())).isInstanceOf(Problems.Forbidden.class);
        assertThat(assignments.get(revann, own.id()).state()).isEqualTo(AssignmentState.SUBMITTED);
    }

    @Test
    void aReviewerCannotDecideOnWorkThatIsNotSubmitted() {
        var s = data.scenario();
        long id = s.assignment().id();
        assertThatThrownBy(() -> reviews.decide(s.team().reviewer(), id, s.assignment().version(), Review.Decision.APPROVED,
            "", List.of())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aDecisionOnAStaleVersionIsRefused() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        var v = submitted(ann, id);
        assertThatThrownBy(() -> reviews.decide(s.team().reviewer(), id, v.version() - 1, Review.Decision.APPROVED, "",
            List.of())).isInstanceOf(Problems.Conflict.class).hasMessageContaining("changed since");
    }

    @Test
    void requestingChangesNeedsAReason() {
        var s = data.scenario();
        var ann = s.team().annotator();
        long id = s.assignment().id();
        var v = submitted(ann, id);
        assertThatThrownBy(() -> reviews.decide(s.team().reviewer(), id, v.version(), Review.Decision.CHANGES_REQUESTED,
            " ", List.of())).isInstanceOf(Problems.BadRequest.class);
        assertThat(assignments.get(ann, id).state()).as("nothing changed").isEqualTo(AssignmentState.SUBMITTED);
    }

    @Test
    void onlyLeadsAssignAndTwoAnnotatorsMayReadOneCaseButNobodyTwice() {
        var s = data.scenario();
        long caseId = s.petCase().id();
        assertThatThrownBy(() -> assignments.assign(s.team().annotator(), caseId, s.team().annotator2().id(),
            AssignmentMode.MANUAL, null)).isInstanceOf(Problems.Forbidden.class);
        var second = assignments.assign(s.team().lead(), caseId, s.team().annotator2().id(), AssignmentMode.MANUAL, null);
        assertThat(assignments.ofCase(s.team().lead(), caseId)).extracting(AssignmentView::id)
            .containsExactly(s.assignment().id(), second.id());
        assertThatThrownBy(() -> assignments.assign(s.team().lead(), caseId, s.team().annotator().id(),
            AssignmentMode.MANUAL, null)).isInstanceOf(Problems.Conflict.class);
        assertThatThrownBy(() -> assignments.assign(s.team().lead(), caseId, s.team().reviewer().id(),
            AssignmentMode.MANUAL, null)).isInstanceOf(Problems.BadRequest.class).hasMessageContaining("not an annotator");
    }

    /** The annotator opens the assignment, accepts a lesion mask and submits it. */
    private AssignmentView submitted(org.petal.users.Actor annotator, long id) {
        assignments.start(annotator, id);
        revisions.accept(annotator, id, null, TestData.labelsWithCube(2), MaskRevision.Source.AI);
        return revisions.submit(annotator, id, assignments.get(annotator, id).version(), null);
    }
}
