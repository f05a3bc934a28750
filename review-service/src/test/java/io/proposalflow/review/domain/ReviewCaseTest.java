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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;

class ReviewCaseTest {

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
        given()
                .when(c -> assertThat(c.assignFromPanel(panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b")),
                        new AssignmentPolicy(2), Map.of(), NOW)).isTrue())
                .thenStatus(ReviewStatus.OPEN)
                .thenEvent(ReviewersAssigned.class, e -> {
                    assertThat(e.reviewerIds()).containsExactly("a", "b");
                    assertThat(e.manual()).isFalse();
                });
    }

    @Test
    void withTooFewEligibleReviewersTheCaseWaitsUnassigned() {
        given()
                .when(c -> assertThat(c.assignFromPanel(
                        panel(Themenfeld.HEALTH, reviewer("a"), reviewer("b", Themenfeld.HEALTH)),
                        new AssignmentPolicy(2), Map.of(), NOW)).isFalse())
                .thenStatus(ReviewStatus.UNASSIGNED)
                .thenNoEvents();
    }

    @Test
    void aCoordinatorCanAssignAWaitingCaseByHand() {
        given()
                .when(c -> c.assignByHand(panel(Themenfeld.HEALTH, reviewer("a")), List.of("a"), NOW))
                .thenStatus(ReviewStatus.OPEN)
                .thenEvent(ReviewersAssigned.class, e -> assertThat(e.manual()).isTrue());
    }

    @Test
    void assignmentByHandRefusesAConflictOfInterest() {
        ReviewPanel panel = panel(Themenfeld.HEALTH, reviewer("fg", Themenfeld.HEALTH),
                affiliated("amt", "gesundheitsamt-goslar"), reviewer("free"));

        givenACaseFor(proposal(Themenfeld.HEALTH, "gesundheitsamt-goslar"))
                .when(c -> c.assignByHand(panel, List.of("free", "fg"), NOW))
                .thenRefused(ReviewConflict.class, "focus group");
        givenACaseFor(proposal(Themenfeld.HEALTH, "gesundheitsamt-goslar"))
                .when(c -> c.assignByHand(panel, List.of("amt"), NOW))
                .thenRefused(ReviewConflict.class, "gesundheitsamt-goslar");
    }

    @Test
    void assignmentByHandRefusesSomeoneNotOnThePanel() {
        given()
                .when(c -> c.assignByHand(panel(Themenfeld.HEALTH), List.of("stranger"), NOW))
                .thenRefused(ReviewConflict.class, "not on the review panel");
    }

    @Test
    void aReviewerWhoIsNotAssignedCannotDecide() {
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("c"), APPROVE, GOOD, null, NOW, POLICY))
                .thenRefused(NotAssigned.class, "not found");
    }

    @Test
    void reviewerFromTheSubmittingFocusGroupCannotDecide() {
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a", Themenfeld.HEALTH), APPROVE, GOOD, null, NOW, POLICY))
                .thenRefused(ReviewConflict.class, "conflict of interest");
    }

    @Test
    void rejectingOrRequestingChangesNeedsAComment() {
        ReviewCaseFixture.Then refused = given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a"), REJECT, GOOD, " ", NOW, POLICY))
                .thenRefused(InvalidInput.class, "comment");
        assertThat(((InvalidInput) refused.failure()).field()).isEqualTo("comment");
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a"), REQUEST_CHANGES, GOOD, null, NOW, POLICY))
                .thenRefused(InvalidInput.class, "comment");
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .then(c -> assertThat(c.assignment("a").orElseThrow().hasDecided()).isTrue());
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        ReviewCaseFixture.Then refused = given().assignedByHand("a")
                .when(c -> c.decide(reviewer("a"), APPROVE, new Scores(0, 3, 3, 3), null, NOW, POLICY))
                .thenRefused(InvalidInput.class, "between 1 and 5");
        assertThat(((InvalidInput) refused.failure()).field()).isEqualTo("scores.need");
        given().assignedByHand("a")
                .when(c -> c.decide(reviewer("a"), APPROVE, new Scores(3, 3, 3, 6), null, NOW, POLICY))
                .thenRefused(InvalidInput.class, "scores.sustainability");
    }

    @Test
    void aReviewerMayReviseTheirDecisionWhileOthersStillDecide() {
        given().assignedByHand("a", "b").decided("a", REJECT)
                .when(c -> c.decide(reviewer("a"), APPROVE, GOOD, null, NOW.plusSeconds(60), POLICY))
                .thenStatus(ReviewStatus.OPEN)
                .thenNoEvents()
                .then(c -> assertThat(c.assignment("a").orElseThrow().judgement().decision()).isEqualTo(APPROVE));
    }

    @Test
    void aSingleDecisionIsAnnouncedToNobodyTheOutcomeSpeaksForAll() {
        given().assignedByHand("a", "b")
                .when(c -> c.decide(reviewer("a"), REJECT, GOOD, "Bedarf nicht belegt", NOW, POLICY))
                .thenStatus(ReviewStatus.OPEN)
                .thenNoEvents();
    }

    @Test
    void theRevisedDecisionCountsForTheOutcome() {
        given().assignedByHand("a", "b").decided("a", REQUEST_CHANGES).decided("a", APPROVE)
                .when(c -> c.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY))
                .thenStatus(ReviewStatus.COMPLETED)
                .thenEvent(ReviewCompleted.class, e -> assertThat(e.outcome()).isEqualTo(ReviewOutcome.APPROVED));
    }

    @Test
    void theLastDecisionCompletesTheCaseWithOutcomeAveragesAndComments() {
        given().assignedByHand("a", "b").decided("a", APPROVE, new Scores(5, 3, 5, 3), "Überzeugend")
                .when(c -> c.decide(reviewer("b"), REQUEST_CHANGES, new Scores(4, 3, 4, 2), "Betreuung klären", NOW,
                        POLICY))
                .thenStatus(ReviewStatus.COMPLETED)
                .thenEvents(ReviewCompleted.class)
                .thenEvent(ReviewCompleted.class, completed -> {
                    assertThat(completed.outcome()).isEqualTo(ReviewOutcome.CHANGES_REQUESTED);
                    assertThat(completed.averageScores()).isEqualTo(new ScoreAverages(new BigDecimal("4.50"),
                            new BigDecimal("3.00"), new BigDecimal("4.50"), new BigDecimal("2.50")));
                    assertThat(completed.comments()).extracting(c -> c.comment())
                            .containsExactly("Überzeugend", "Betreuung klären");
                    assertThat(completed.summary()).contains("2 Gutachten");
                });
    }

    @Test
    void averagesAreRoundedToTwoDecimals() {
        given().assignedByHand("a", "b", "c")
                .decided("a", APPROVE, new Scores(5, 5, 5, 5), null)
                .decided("b", APPROVE, new Scores(4, 5, 5, 5), null)
                .when(c -> c.decide(reviewer("c"), REJECT, new Scores(4, 5, 5, 5), "Zu teuer", NOW, POLICY))
                .then(c -> {
                    assertThat(c.result().orElseThrow().averageScores().need()).isEqualTo(new BigDecimal("4.33"));
                    assertThat(c.result().orElseThrow().outcome()).isEqualTo(ReviewOutcome.APPROVED);
                });
    }

    @Test
    void aClosedCaseRefusesFurtherDecisions() {
        ReviewCaseFixture.Then refused = given().assignedByHand("a").decided("a", APPROVE)
                .when(c -> c.decide(reviewer("a"), REJECT, GOOD, "doch nicht", NOW, POLICY))
                .thenRefused(ReviewConflict.class, "COMPLETED");
        assertThat(((ReviewConflict) refused.failure()).details()).containsEntry("currentStatus", "COMPLETED");
    }

    @Test
    void withdrawalCancelsAnOpenCaseOnce() {
        given().assignedByHand("a")
                .when(c -> assertThat(c.cancel("zurückgezogen")).isTrue())
                .thenStatus(ReviewStatus.CANCELLED)
                .thenEvents(ReviewCancelled.class);
        given().assignedByHand("a").cancelled()
                .when(c -> assertThat(c.cancel("zurückgezogen")).isFalse())
                .thenNoEvents();
        given().assignedByHand("a").cancelled()
                .when(c -> c.decide(reviewer("a"), APPROVE, GOOD, null, NOW, POLICY))
                .thenRefused(ReviewConflict.class, "CANCELLED");
    }

    @Test
    void aCompletedCaseIsNotCancelled() {
        given().assignedByHand("a").decided("a", APPROVE)
                .when(c -> assertThat(c.cancel("zu spät")).isFalse())
                .thenStatus(ReviewStatus.COMPLETED)
                .thenNoEvents();
    }

    @Test
    void undecidedReviewersAreRemindedOnceBeforeTheDueDateAndMarkedOverdueOnceAfter() {
        ReviewCase reviewCase = given().assignedByHand("a", "b").decided("b", APPROVE).reviewCase();
        Instant due = reviewCase.dueAt();

        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofDays(3)))).isFalse();
        assertThat(reviewCase.nextDeadline()).contains(due.minus(Duration.ofDays(2)));

        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofDays(1)))).isTrue();
        assertThat(reviewCase.fireDeadlines(due.minus(Duration.ofHours(1)))).isFalse();
        assertThat(reviewCase.nextDeadline()).contains(due);

        assertThat(reviewCase.fireDeadlines(due)).isTrue();
        assertThat(reviewCase.fireDeadlines(due.plus(Duration.ofDays(3)))).isFalse();
        assertThat(reviewCase.nextDeadline()).isEmpty();

        assertThat(reviewCase.pullEvents()).satisfiesExactly(
                e -> assertThat(e).isInstanceOfSatisfying(ReviewReminderDue.class,
                        r -> assertThat(r.reviewerId()).isEqualTo("a")),
                e -> assertThat(e).isInstanceOfSatisfying(ReviewOverdue.class,
                        o -> assertThat(o.reviewerId()).isEqualTo("a")));
    }

    @Test
    void aReminderWhoseTimePassedWithTheDueDateIsSkippedForTheOverdueEvent() {
        given().assignedByHand("a")
                .when(c -> c.fireDeadlines(c.dueAt().plusSeconds(1)))
                .thenEvents(ReviewOverdue.class);
    }

    @Test
    void aClosedCaseHasNoDeadlines() {
        given().assignedByHand("a").cancelled()
                .when(c -> assertThat(c.fireDeadlines(c.dueAt())).isFalse())
                .thenNoEvents()
                .then(c -> assertThat(c.nextDeadline()).isEmpty());
    }
}
