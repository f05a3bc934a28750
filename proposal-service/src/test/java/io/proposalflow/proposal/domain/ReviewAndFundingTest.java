package io.proposalflow.proposal.domain;

import static io.proposalflow.proposal.domain.ProposalFixture.given;
import static io.proposalflow.proposal.domain.Proposals.FOCUS_GROUP_USER;
import static io.proposalflow.proposal.domain.Proposals.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;

class ReviewAndFundingTest {

    @Test
    void anOpenedReviewOfTheCurrentRoundPutsTheProposalInReview() {
        given(ProposalStatus.SUBMITTED)
                .whenReviewEvent(p -> p.openReview(1, T0))
                .thenApplied()
                .thenStatus(ProposalStatus.IN_REVIEW)
                .thenEvents().as("the review's own event told everyone; nobody reads a status change").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "APPROVED, APPROVED, Befürwortet", "REJECTED, REJECTED, Abgelehnt",
            "CHANGES_REQUESTED, CHANGES_REQUESTED, Überarbeitung erbeten" })
    void aCompletedReviewMovesTheProposalToItsOutcomeWithTheOutcomeInTheHistory(ReviewOutcome outcome,
            ProposalStatus expected, String label) {
        given(ProposalStatus.IN_REVIEW)
                .whenReviewEvent(p -> p.completeReview(1, outcome, List.of(), T0))
                .thenApplied()
                .thenStatus(expected)
                .thenLastHistory(last -> {
                    assertThat(last.what()).isEqualTo(HistoryKind.REVIEW_COMPLETED);
                    assertThat(last.note()).isEqualTo(label + ".");
                    assertThat(last.actor()).isEqualTo(Proposal.REVIEW_SERVICE);
                })
                .thenEvents().isEmpty();
    }

    @Test
    void aReviewEventOfAnEarlierRoundIsIgnored() {
        Proposal resubmitted = Proposals.in(ProposalStatus.CHANGES_REQUESTED);
        resubmitted.resubmit(FOCUS_GROUP_USER, T0);

        given(resubmitted).whenReviewEvent(p -> p.completeReview(1, ReviewOutcome.REJECTED, List.of(), T0))
                .thenIgnored();
        given(resubmitted).whenReviewEvent(p -> p.openReview(1, T0)).thenIgnored();
        given(resubmitted).whenReviewEvent(p -> p.openReview(2, T0)).thenApplied()
                .thenStatus(ProposalStatus.IN_REVIEW);
    }

    @Test
    void anOpenedReviewArrivingAfterTheCompletionChangesNothing() {
        ProposalFixture completedFirst = given(ProposalStatus.SUBMITTED)
                .whenReviewEvent(p -> p.completeReview(1, ReviewOutcome.APPROVED, List.of(), T0))
                .thenApplied()
                .thenStatus(ProposalStatus.APPROVED)
                .then(p -> assertThat(p.history()).extracting(HistoryEntry::to)
                        .containsSubsequence(ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED));

        given(completedFirst.proposal()).whenReviewEvent(p -> p.openReview(1, T0)).thenIgnored();
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = { "DRAFT", "WITHDRAWN", "APPROVED", "REJECTED" })
    void reviewEventsForAProposalThatIsNotUnderReviewAreIgnored(ProposalStatus status) {
        given(status).whenReviewEvent(p -> p.openReview(p.round(), T0)).thenIgnored();
        given(status).whenReviewEvent(p -> p.completeReview(p.round(), ReviewOutcome.APPROVED, List.of(), T0))
                .thenIgnored();
    }

    @Test
    void theFirstFundingReportOnAnApprovedProposalMovesItToFundingApplied() {
        given(ProposalStatus.APPROVED)
                .when(p -> p.updateFunding(Proposals.funding(FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED),
                        "koordination", T0))
                .thenStatus(ProposalStatus.FUNDING_APPLIED)
                .thenAnnounced(FundingApplicationUpdated.class)
                .thenEvents().first().isInstanceOfSatisfying(FundingApplicationUpdated.class, e -> {
                    assertThat(e.stage()).isEqualTo(FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED);
                    assertThat(e.requestedAmountEur()).isEqualByComparingTo("48000.00");
                });
    }

    @Test
    void aFurtherStageKeepsTheStatusButIsAnnouncedAndRecorded() {
        given(ProposalStatus.FUNDING_APPLIED)
                .when(p -> p.updateFunding(Proposals.funding(FundingStage.INVITED_TO_APPLY), "koordination", T0))
                .thenStatus(ProposalStatus.FUNDING_APPLIED)
                .thenAnnounced(FundingApplicationUpdated.class)
                .thenLastHistory(last -> assertThat(last.what()).isEqualTo(HistoryKind.FUNDING_UPDATED));
    }

    @ParameterizedTest
    @CsvSource({ "GRANTED, FUNDED", "DENIED, FUNDING_DENIED" })
    void aGrantOrDenialEndsTheProposalsLife(FundingStage stage, ProposalStatus expected) {
        given(ProposalStatus.FUNDING_APPLIED)
                .when(p -> p.updateFunding(Proposals.funding(stage), "koordination", T0))
                .thenStatus(expected)
                .then(p -> assertThat(p.allowedActions()).isEmpty());
    }

    @Test
    void aGrantReportedStraightAfterApprovalPassesThroughFundingApplied() {
        given(ProposalStatus.APPROVED)
                .when(p -> p.updateFunding(Proposals.funding(FundingStage.GRANTED), "koordination", T0))
                .thenStatus(ProposalStatus.FUNDED)
                .then(p -> assertThat(p.funding().grantedAmountEur()).isEqualByComparingTo("45000.00"))
                .then(p -> assertThat(p.history()).extracting(HistoryEntry::to)
                        .containsSubsequence(ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED))
                .thenAnnounced(FundingApplicationUpdated.class);
    }

    @Test
    void aGrantedAmountBelongsToAGrantOnly() {
        assertThatThrownBy(() -> new FundingApplication("ESF Plus", FundingStage.PLANNED, BigDecimal.TEN,
                BigDecimal.ONE, LocalDate.of(2026, 1, 1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingApplication("ESF Plus", FundingStage.GRANTED, BigDecimal.TEN, null,
                LocalDate.of(2026, 1, 1), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
