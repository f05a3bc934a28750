package io.proposalflow.review.domain;

import static io.proposalflow.events.ReviewDecision.APPROVE;
import static io.proposalflow.events.ReviewDecision.REJECT;
import static io.proposalflow.events.ReviewDecision.REQUEST_CHANGES;
import static io.proposalflow.review.domain.Fixtures.GOOD;
import static io.proposalflow.review.domain.Fixtures.NOW;
import static io.proposalflow.review.domain.Fixtures.affiliated;
import static io.proposalflow.review.domain.Fixtures.openCase;
import static io.proposalflow.review.domain.Fixtures.panel;
import static io.proposalflow.review.domain.Fixtures.proposal;
import static io.proposalflow.review.domain.Fixtures.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Themenfeld;

/** Issue 19, item 4: the coordination removes or replaces reviewers, so a case can always finish. */
class ReviewerChangeTest {

    private static final QuorumPolicy POLICY = QuorumPolicy.CHANGES_FIRST_THEN_MAJORITY;

    @Test
    void removingTheLastUndecidedReviewerCompletesTheCaseOnTheRemainingDecisions() {
        ReviewCase reviewCase = openCase("a", "b", "c");
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);
        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);
        reviewCase.pullEvents();

        reviewCase.removeReviewer("c", NOW, POLICY);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.APPROVED);
        List<ReviewEvent> events = reviewCase.pullEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ReviewerRemoved(reviewCase.id(), reviewCase.proposalId(), "c", false));
        assertThat(events.get(1)).isInstanceOfSatisfying(ReviewCompleted.class, e -> {
            assertThat(e.comments()).extracting(c -> c.reviewerId()).containsExactly("a", "b");
            assertThat(e.summary()).startsWith("2 Gutachten");
        });
    }

    @Test
    void removingAReviewerWhoStillHasOthersWaitingLeavesTheCaseOpen() {
        ReviewCase reviewCase = openCase("a", "b", "c");

        reviewCase.removeReviewer("c", NOW, POLICY);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reviewCase.reviewers()).extracting(AssignedReviewer::reviewerId).containsExactly("a", "b");
        assertThat(reviewCase.pendingReviewerIds()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aRemovedReviewersDecisionNoLongerCounts() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("a"), REQUEST_CHANGES, GOOD, "Kinderbetreuung klären", NOW, POLICY);
        reviewCase.pullEvents();

        reviewCase.removeReviewer("a", NOW, POLICY);
        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);

        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.APPROVED);
        assertThat(reviewCase.result().orElseThrow().comments()).extracting(c -> c.reviewerId()).containsExactly("b");
        assertThat(reviewCase.pullEvents().get(0)).isInstanceOfSatisfying(ReviewerRemoved.class,
                e -> assertThat(e.decisionDiscarded()).isTrue());
    }

    @Test
    void aRemovedReviewerCanNoLongerDecide() {
        ReviewCase reviewCase = openCase("a", "b", "c");

        reviewCase.removeReviewer("a", NOW, POLICY);

        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .isInstanceOf(NotAssigned.class);
    }

    @Test
    void theOnlyReviewerCannotBeRemovedButCanBeReplaced() {
        ReviewCase reviewCase = openCase("a");

        assertThatThrownBy(() -> reviewCase.removeReviewer("a", NOW, POLICY))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("only reviewer");
        reviewCase.replaceReviewer(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b")), "a", "b", NOW);

        assertThat(reviewCase.reviewers()).extracting(AssignedReviewer::reviewerId).containsExactly("b");
    }

    @Test
    void aReplacementIsAnnouncedAsRemovalAndManualAssignmentAndDecidesInsteadOfTheRemovedReviewer() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);
        reviewCase.pullEvents();

        reviewCase.replaceReviewer(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c")), "a", "c",
                NOW);

        assertThat(reviewCase.pullEvents()).containsExactly(
                new ReviewerRemoved(reviewCase.id(), reviewCase.proposalId(), "a", false),
                new ReviewersAssigned(reviewCase.id(), reviewCase.proposalId(), List.of("c"), true));
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reviewCase.pendingReviewerIds()).containsExactly("c");

        reviewCase.decide(reviewer("c"), REJECT, GOOD, "Bedarf nicht belegt", NOW, POLICY);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.REJECTED);
    }

    @Test
    void aReplacementFollowsTheConflictRulesOfAssigning() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1,
                proposal(Themenfeld.HEALTH, "gesundheitsamt-goslar"), NOW, ReviewDeadlines.DEFAULT);
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"),
                reviewer("fg", Themenfeld.HEALTH), affiliated("amt", "gesundheitsamt-goslar"));
        reviewCase.assignByHand(panel, List.of("a", "b"), NOW);
        reviewCase.pullEvents();

        assertThatThrownBy(() -> reviewCase.replaceReviewer(panel, "a", "fg", NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("submitting focus group");
        assertThatThrownBy(() -> reviewCase.replaceReviewer(panel, "a", "amt", NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("gesundheitsamt-goslar");
        assertThatThrownBy(() -> reviewCase.replaceReviewer(panel, "a", "stranger", NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("not on the review panel");
        assertThatThrownBy(() -> reviewCase.replaceReviewer(panel, "a", "b", NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("already assigned");

        assertThat(reviewCase.reviewers()).extracting(AssignedReviewer::reviewerId).containsExactly("a", "b");
        assertThat(reviewCase.pullEvents()).isEmpty();
    }

    @Test
    void onlyAssignedReviewersOfAnOpenCaseCanBeRemoved() {
        ReviewCase reviewCase = openCase("a", "b");

        assertThatThrownBy(() -> reviewCase.removeReviewer("z", NOW, POLICY)).isInstanceOf(NotAssigned.class);

        reviewCase.cancel("zurückgezogen");
        assertThatThrownBy(() -> reviewCase.removeReviewer("a", NOW, POLICY))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("CANCELLED");
        assertThat(reviewCase.reviewers()).hasSize(2);
    }

    @Test
    void decidedReviewersAndClosedCasesKeepNobodyBusy() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);

        assertThat(reviewCase.pendingReviewerIds()).containsExactly("b");

        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);
        assertThat(reviewCase.pendingReviewerIds()).isEmpty();
    }
}
