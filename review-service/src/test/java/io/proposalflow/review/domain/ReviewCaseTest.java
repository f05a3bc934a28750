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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecisionRecorded;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;

class ReviewCaseTest {

    private static final QuorumPolicy POLICY = QuorumPolicy.CHANGES_FIRST_THEN_MAJORITY;

    @Test
    void theSameProposalRoundAlwaysGetsTheSameCaseId() {
        UUID proposalId = UUID.randomUUID();
        assertThat(ReviewCase.idFor(proposalId, 1)).isEqualTo(ReviewCase.idFor(proposalId, 1))
                .isNotEqualTo(ReviewCase.idFor(proposalId, 2));
    }

    @Test
    void openingAnnouncesTheCaseWithItsDueDate() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1, proposal(Themenfeld.HEALTH), NOW,
                ReviewDeadlines.DEFAULT);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.UNASSIGNED);
        assertThat(reviewCase.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(reviewCase.pullEvents()).singleElement().isInstanceOfSatisfying(ReviewOpened.class,
                e -> assertThat(e.dueAt()).isEqualTo(reviewCase.dueAt()));
    }

    @Test
    void assignmentFromThePanelOpensTheCase() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1, proposal(Themenfeld.HEALTH), NOW,
                ReviewDeadlines.DEFAULT);
        reviewCase.pullEvents();

        boolean assigned = reviewCase.assignFromPanel(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b")),
                new AssignmentPolicy(2), Map.of(), NOW);

        assertThat(assigned).isTrue();
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reviewCase.pullEvents()).singleElement().isInstanceOfSatisfying(ReviewersAssigned.class, e -> {
            assertThat(e.reviewerIds()).containsExactly("a", "b");
            assertThat(e.manual()).isFalse();
        });
    }

    @Test
    void withTooFewEligibleReviewersTheCaseWaitsUnassigned() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1, proposal(Themenfeld.HEALTH), NOW,
                ReviewDeadlines.DEFAULT);
        reviewCase.pullEvents();

        boolean assigned = reviewCase.assignFromPanel(
                panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b", Themenfeld.HEALTH)), new AssignmentPolicy(2),
                Map.of(), NOW);

        assertThat(assigned).isFalse();
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.UNASSIGNED);
        assertThat(reviewCase.pullEvents()).isEmpty();
    }

    @Test
    void aCoordinatorCanAssignAWaitingCaseByHand() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1, proposal(Themenfeld.HEALTH), NOW,
                ReviewDeadlines.DEFAULT);
        reviewCase.pullEvents();

        reviewCase.assignByHand(panel(Themenfeld.HEALTH, reviewer("a")), List.of("a"), NOW);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reviewCase.pullEvents()).singleElement().isInstanceOfSatisfying(ReviewersAssigned.class,
                e -> assertThat(e.manual()).isTrue());
    }

    @Test
    void assignmentByHandRefusesAConflictOfInterest() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1,
                proposal(Themenfeld.HEALTH, "gesundheitsamt-goslar"), NOW, ReviewDeadlines.DEFAULT);
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("fg", Themenfeld.HEALTH),
                affiliated("amt", "gesundheitsamt-goslar"), reviewer("free"));

        assertThatThrownBy(() -> reviewCase.assignByHand(panel, List.of("free", "fg"), NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("focus group");
        assertThatThrownBy(() -> reviewCase.assignByHand(panel, List.of("amt"), NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("gesundheitsamt-goslar");
        assertThat(reviewCase.reviewers()).isEmpty();
    }

    @Test
    void assignmentByHandRefusesSomeoneNotOnThePanel() {
        ReviewCase reviewCase = ReviewCase.open(UUID.randomUUID(), 1, proposal(Themenfeld.HEALTH), NOW,
                ReviewDeadlines.DEFAULT);

        assertThatThrownBy(() -> reviewCase.assignByHand(panel(Themenfeld.HEALTH), List.of("stranger"), NOW))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("not on the review panel");
    }

    @Test
    void aReviewerWhoIsNotAssignedCannotDecide() {
        ReviewCase reviewCase = openCase("a", "b");

        assertThatThrownBy(() -> reviewCase.decide(reviewer("c"), APPROVE, GOOD, null, NOW, POLICY))
                .isInstanceOf(NotAssigned.class);
        assertThat(reviewCase.pullEvents()).isEmpty();
    }

    @Test
    void reviewerFromTheSubmittingFocusGroupCannotDecide() {
        ReviewCase reviewCase = openCase("a", "b");

        assertThatThrownBy(() -> reviewCase.decide(reviewer("a", Themenfeld.HEALTH), APPROVE, GOOD, null, NOW, POLICY))
                .isInstanceOf(ReviewConflict.class);
    }

    @Test
    void rejectingOrRequestingChangesNeedsAComment() {
        ReviewCase reviewCase = openCase("a", "b");

        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), REJECT, GOOD, " ", NOW, POLICY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), REQUEST_CHANGES, GOOD, null, NOW, POLICY))
                .isInstanceOf(InvalidInput.class);
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);
        assertThat(reviewCase.assignment("a").orElseThrow().hasDecided()).isTrue();
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        ReviewCase reviewCase = openCase("a");

        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), APPROVE, new Scores(0, 3, 3, 3), null, NOW, POLICY))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("scores.need"));
        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), APPROVE, new Scores(3, 3, 3, 6), null, NOW, POLICY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aReviewerMayReviseTheirDecisionWhileOthersStillDecide() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("a"), REJECT, GOOD, "Bedarf nicht belegt", NOW, POLICY);

        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW.plusSeconds(60), POLICY);

        List<ReviewEvent> events = reviewCase.pullEvents();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ReviewDecisionRecorded.class));
        assertThat(((ReviewDecisionRecorded) events.get(0)).revision()).isFalse();
        assertThat(((ReviewDecisionRecorded) events.get(1)).revision()).isTrue();
        assertThat(reviewCase.assignment("a").orElseThrow().judgement().decision()).isEqualTo(APPROVE);
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.OPEN);
    }

    @Test
    void theRevisedDecisionCountsForTheOutcome() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("a"), REQUEST_CHANGES, GOOD, "Kinderbetreuung klären", NOW, POLICY);
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);

        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);

        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.APPROVED);
    }

    @Test
    void theLastDecisionCompletesTheCaseWithOutcomeAveragesAndComments() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("a"), APPROVE, new Scores(5, 3, 5, 3), "Überzeugend", NOW, POLICY);
        reviewCase.decide(reviewer("b"), REQUEST_CHANGES, new Scores(4, 3, 4, 2), "Betreuung klären", NOW, POLICY);

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        ReviewCompleted completed = (ReviewCompleted) reviewCase.pullEvents().get(2);
        assertThat(completed.outcome()).isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
        assertThat(completed.averageScores()).isEqualTo(new ScoreAverages(new BigDecimal("4.50"),
                new BigDecimal("3.00"), new BigDecimal("4.50"), new BigDecimal("2.50")));
        assertThat(completed.comments()).extracting(c -> c.comment()).containsExactly("Überzeugend", "Betreuung klären");
        assertThat(completed.summary()).contains("2 Gutachten");
    }

    @Test
    void averagesAreRoundedToTwoDecimals() {
        ReviewCase reviewCase = openCase("a", "b", "c");
        reviewCase.decide(reviewer("a"), APPROVE, new Scores(5, 5, 5, 5), null, NOW, POLICY);
        reviewCase.decide(reviewer("b"), APPROVE, new Scores(4, 5, 5, 5), null, NOW, POLICY);
        reviewCase.decide(reviewer("c"), REJECT, new Scores(4, 5, 5, 5), "Zu teuer", NOW, POLICY);

        assertThat(reviewCase.result().orElseThrow().averageScores().need()).isEqualTo(new BigDecimal("4.33"));
        assertThat(reviewCase.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.APPROVED);
    }

    @Test
    void aClosedCaseRefusesFurtherDecisions() {
        ReviewCase reviewCase = openCase("a");
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);

        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), REJECT, GOOD, "doch nicht", NOW, POLICY))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("COMPLETED");
    }

    @Test
    void withdrawalCancelsAnOpenCaseOnce() {
        ReviewCase reviewCase = openCase("a");

        assertThat(reviewCase.cancel("zurückgezogen")).isTrue();
        assertThat(reviewCase.cancel("zurückgezogen")).isFalse();

        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.CANCELLED);
        assertThat(reviewCase.pullEvents()).singleElement().isInstanceOf(ReviewCancelled.class);
        assertThatThrownBy(() -> reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .isInstanceOf(ReviewConflict.class);
    }

    @Test
    void aCompletedCaseIsNotCancelled() {
        ReviewCase reviewCase = openCase("a");
        reviewCase.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY);
        reviewCase.pullEvents();

        assertThat(reviewCase.cancel("zu spät")).isFalse();
        assertThat(reviewCase.status()).isEqualTo(ReviewStatus.COMPLETED);
        assertThat(reviewCase.pullEvents()).isEmpty();
    }

    @Test
    void undecidedReviewersAreRemindedOnceBeforeTheDueDateAndMarkedOverdueOnceAfter() {
        ReviewCase reviewCase = openCase("a", "b");
        reviewCase.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY);
        reviewCase.pullEvents();
        Instant due = reviewCase.dueAt();

        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofDays(3)))).isFalse();
        assertThat(reviewCase.nextDeadline()).contains(due.minus(Duration.ofDays(2)));

        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofDays(1)))).isTrue();
        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofHours(1)))).isFalse();
        assertThat(reviewCase.nextDeadline()).contains(due);

        assertThat(reviewCase.fireDeadlines(due)).isTrue();
        assertThat(reviewCase.fireDeadlines(due.plus(Duration.ofDays(3)))).isFalse();
        assertThat(reviewCase.nextDeadline()).isEmpty();

        List<ReviewEvent> events = reviewCase.pullEvents();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(ReviewReminderDue.class,
                e -> assertThat(e.reviewerId()).isEqualTo("a"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ReviewOverdue.class,
                e -> assertThat(e.reviewerId()).isEqualTo("a"));
    }

    @Test
    void aReminderWhoseTimePassedWithTheDueDateIsSkippedForTheOverdueEvent() {
        ReviewCase reviewCase = openCase("a");

        reviewCase.fireDeadlines(reviewCase.dueAt().plusSeconds(1));

        assertThat(reviewCase.pullEvents()).singleElement().isInstanceOf(ReviewOverdue.class);
    }

    @Test
    void aClosedCaseHasNoDeadlines() {
        ReviewCase reviewCase = openCase("a");
        reviewCase.cancel("zurückgezogen");

        assertThat(reviewCase.fireDeadlines(reviewCase.dueAt())).isFalse();
        assertThat(reviewCase.nextDeadline()).isEmpty();
    }
}
