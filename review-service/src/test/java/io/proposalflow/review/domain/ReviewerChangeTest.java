package io.proposalflow.review.domain;

import static io.proposalflow.events.ReviewDecision.APPROVE;
import static io.proposalflow.events.ReviewDecision.REJECT;
import static io.proposalflow.events.ReviewDecision.REQUEST_CHANGES;
import static io.proposalflow.review.domain.Fixtures.GOOD;
import static io.proposalflow.review.domain.Fixtures.NOW;
import static io.proposalflow.review.domain.Fixtures.affiliated;
import static io.proposalflow.review.domain.Fixtures.panel;
import static io.proposalflow.review.domain.Fixtures.proposal;
import static io.proposalflow.review.domain.Fixtures.reviewer;
import static io.proposalflow.review.domain.ReviewCaseFixture.POLICY;
import static io.proposalflow.review.domain.ReviewCaseFixture.given;
import static io.proposalflow.review.domain.ReviewCaseFixture.givenACaseFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Themenfeld;

/** The coordination removes or replaces reviewers, so a case can always finish. */
class ReviewerChangeTest {

    @Test
    void removingTheLastUndecidedReviewerCompletesTheCaseOnTheRemainingDecisions() {
        ReviewCaseFixture.Then then = given().assignedByHand("a", "b", "c").decided("a", APPROVE).decided("b", APPROVE)
                .when(c -> c.removeReviewer("c", NOW, POLICY))
                .thenStatus(ReviewStatus.COMPLETED)
                .thenEvents(ReviewerRemoved.class, ReviewCompleted.class)
                .thenEvent(ReviewCompleted.class, e -> {
                    assertThat(e.outcome()).isEqualTo(ReviewOutcome.APPROVED);
                    assertThat(e.comments()).extracting(c -> c.reviewerId()).containsExactly("a", "b");
                    assertThat(e.summary()).startsWith("2 Gutachten");
                });
        ReviewCase reviewCase = then.reviewCase();
        then.thenEvent(ReviewerRemoved.class, e -> assertThat(e)
                .isEqualTo(new ReviewerRemoved(reviewCase.id(), reviewCase.proposalId(), "c", false)));
    }

    @Test
    void removingAReviewerWhoStillHasOthersWaitingLeavesTheCaseOpen() {
        given().assignedByHand("a", "b", "c")
                .when(c -> c.removeReviewer("c", NOW, POLICY))
                .thenStatus(ReviewStatus.OPEN)
                .thenEvents(ReviewerRemoved.class)
                .then(c -> {
                    assertThat(c.reviewers()).extracting(AssignedReviewer::reviewerId).containsExactly("a", "b");
                    assertThat(c.pendingReviewerIds()).containsExactlyInAnyOrder("a", "b");
                });
    }

    @Test
    void aRemovedReviewersDecisionNoLongerCounts() {
        given().assignedByHand("a", "b").decided("a", REQUEST_CHANGES)
                .when(c -> c.removeReviewer("a", NOW, POLICY))
                .thenEvent(ReviewerRemoved.class, e -> assertThat(e.decisionDiscarded()).isTrue());
        given().assignedByHand("a", "b").decided("a", REQUEST_CHANGES).removed("a")
                .when(c -> c.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY))
                .thenEvent(ReviewCompleted.class, e -> {
                    assertThat(e.outcome()).isEqualTo(ReviewOutcome.APPROVED);
                    assertThat(e.comments()).extracting(c -> c.reviewerId()).containsExactly("b");
                });
    }

    @Test
    void aRemovedReviewerCanNoLongerDecide() {
        given().assignedByHand("a", "b", "c").removed("a")
                .when(c -> c.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .thenRefused(NotAssigned.class, "not found");
    }

    @Test
    void theOnlyReviewerCannotBeRemovedButCanBeReplaced() {
        given().assignedByHand("a")
                .when(c -> c.removeReviewer("a", NOW, POLICY))
                .thenRefused(ReviewConflict.class, "only reviewer");
        given().assignedByHand("a")
                .when(c -> c.replaceReviewer(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b")), "a", "b", NOW))
                .then(c -> assertThat(c.reviewers()).extracting(AssignedReviewer::reviewerId).containsExactly("b"));
    }

    @Test
    void aReplacementIsAnnouncedAsRemovalAndManualAssignmentAndDecidesInsteadOfTheRemovedReviewer() {
        ReviewCaseFixture.Then replaced = given().assignedByHand("a", "b").decided("b", APPROVE)
                .when(c -> c.replaceReviewer(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"), reviewer("c")),
                        "a", "c", NOW))
                .thenStatus(ReviewStatus.OPEN)
                .then(c -> assertThat(c.pendingReviewerIds()).containsExactly("c"));
        ReviewCase reviewCase = replaced.reviewCase();
        replaced.thenEvents(new ReviewerRemoved(reviewCase.id(), reviewCase.proposalId(), "a", false),
                new ReviewersAssigned(reviewCase.id(), reviewCase.proposalId(), List.of("c"), true));

        reviewCase.decide(reviewer("c"), REJECT, GOOD, "Bedarf nicht belegt", NOW, POLICY);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.REJECTED);
    }

    @Test
    void aReplacementFollowsTheConflictRulesOfAssigning() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b"),
                reviewer("fg", Themenfeld.HEALTH), affiliated("amt", "gesundheitsamt-goslar"));
        ReviewCase reviewCase = givenACaseFor(proposal(Themenfeld.HEALTH, "gesundheitsamt-goslar")).reviewCase();
        reviewCase.assignByHand(panel, List.of("a", "b"), NOW);
        ReviewCaseFixture.Given withTwo = given(reviewCase);

        withTwo.when(c -> c.replaceReviewer(panel, "a", "fg", NOW))
                .thenRefused(ReviewConflict.class, "submitting focus group");
        withTwo.when(c -> c.replaceReviewer(panel, "a", "amt", NOW))
                .thenRefused(ReviewConflict.class, "gesundheitsamt-goslar");
        withTwo.when(c -> c.replaceReviewer(panel, "a", "stranger", NOW))
                .thenRefused(ReviewConflict.class, "not on the review panel");
        withTwo.when(c -> c.replaceReviewer(panel, "a", "b", NOW))
                .thenRefused(ReviewConflict.class, "already assigned");
    }

    @Test
    void onlyAssignedReviewersOfAnOpenCaseCanBeRemoved() {
        given().assignedByHand("a", "b")
                .when(c -> c.removeReviewer("z", NOW, POLICY))
                .thenRefused(NotAssigned.class, "reviewer z is not assigned");
        given().assignedByHand("a", "b").cancelled()
                .when(c -> c.removeReviewer("a", NOW, POLICY))
                .thenRefused(ReviewConflict.class, "CANCELLED");
    }

    @Test
    void decidedReviewersAndClosedCasesKeepNobodyBusy() {
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .then(c -> assertThat(c.pendingReviewerIds()).containsExactly("b"));
        given().assignedByHand("a", "b").decided("a", APPROVE)
                .when(c -> c.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY))
                .then(c -> assertThat(c.pendingReviewerIds()).isEmpty());
    }
}
