package io.proposalflow.proposal.domain;

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
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ReviewOutcome;

class ReviewAndFundingTest {

    @Test
    void anOpenedReviewOfTheCurrentRoundPutsTheProposalInReview() {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.SUBMITTED));
        assertThat(p.openReview(1, T0)).isEqualTo(ReviewEffect.APPLIED);
        assertThat(p.status()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(p.pendingEvents()).singleElement().isInstanceOf(ProposalStatusChanged.class);
    }

    @ParameterizedTest
    @CsvSource({ "APPROVED, APPROVED, Befürwortet", "REJECTED, REJECTED, Abgelehnt",
            "CHANGES_REQUESTED, CHANGES_REQUESTED, Überarbeitung erbeten" })
    void aCompletedReviewMovesTheProposalToItsOutcomeWithTheOutcomeInTheHistory(ReviewOutcome outcome,
            ProposalStatus expected, String label) {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.IN_REVIEW));
        assertThat(p.completeReview(1, outcome, List.of(), T0)).isEqualTo(ReviewEffect.APPLIED);
        assertThat(p.status()).isEqualTo(expected);
        HistoryEntry last = p.history().get(p.history().size() - 1);
        assertThat(last.what()).isEqualTo(HistoryKind.REVIEW_COMPLETED);
        assertThat(last.note()).isEqualTo(label + ".");
        assertThat(last.actor()).isEqualTo(Proposal.REVIEW_SERVICE);
        assertThat(p.pendingEvents()).singleElement().isInstanceOfSatisfying(ProposalStatusChanged.class,
                e -> assertThat(e.reason()).isEqualTo(label + "."));
    }

    @Test
    void aReviewEventOfAnEarlierRoundIsIgnored() {
        Proposal p = Proposals.in(ProposalStatus.CHANGES_REQUESTED);
        p.resubmit(FOCUS_GROUP_USER, T0);
        p = Proposals.saved(p);
        assertThat(p.completeReview(1, ReviewOutcome.REJECTED, List.of(), T0)).isEqualTo(ReviewEffect.IGNORED);
        assertThat(p.openReview(1, T0)).isEqualTo(ReviewEffect.IGNORED);
        assertThat(p.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(p.pendingEvents()).isEmpty();
        assertThat(p.openReview(2, T0)).isEqualTo(ReviewEffect.APPLIED);
    }

    @Test
    void anOpenedReviewArrivingAfterTheCompletionChangesNothing() {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.SUBMITTED));
        assertThat(p.completeReview(1, ReviewOutcome.APPROVED, List.of(), T0)).isEqualTo(ReviewEffect.APPLIED);
        assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p.history()).extracting(HistoryEntry::to).containsSubsequence(ProposalStatus.IN_REVIEW,
                ProposalStatus.APPROVED);
        assertThat(p.openReview(1, T0)).isEqualTo(ReviewEffect.IGNORED);
        assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = ProposalStatus.class, names = { "DRAFT", "WITHDRAWN", "APPROVED", "REJECTED" })
    void reviewEventsForAProposalThatIsNotUnderReviewAreIgnored(ProposalStatus status) {
        Proposal p = Proposals.saved(Proposals.in(status));
        assertThat(p.openReview(p.round(), T0)).isEqualTo(ReviewEffect.IGNORED);
        assertThat(p.completeReview(p.round(), ReviewOutcome.APPROVED, List.of(), T0)).isEqualTo(ReviewEffect.IGNORED);
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.pendingEvents()).isEmpty();
    }

    @Test
    void theFirstFundingReportOnAnApprovedProposalMovesItToFundingApplied() {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.APPROVED));
        p.updateFunding(Proposals.funding(FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED), "koordination", T0);
        assertThat(p.status()).isEqualTo(ProposalStatus.FUNDING_APPLIED);
        assertThat(p.pendingEvents()).first().isInstanceOfSatisfying(FundingApplicationUpdated.class, e -> {
            assertThat(e.stage()).isEqualTo(FundingStage.EXPRESSION_OF_INTEREST_SUBMITTED);
            assertThat(e.requestedAmountEur()).isEqualByComparingTo("48000.00");
        });
        assertThat(p.pendingEvents()).last().isInstanceOf(ProposalStatusChanged.class);
    }

    @Test
    void aFurtherStageKeepsTheStatusButIsAnnouncedAndRecorded() {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.FUNDING_APPLIED));
        int before = p.history().size();
        p.updateFunding(Proposals.funding(FundingStage.INVITED_TO_APPLY), "koordination", T0);
        assertThat(p.status()).isEqualTo(ProposalStatus.FUNDING_APPLIED);
        assertThat(p.pendingEvents()).singleElement().isInstanceOf(FundingApplicationUpdated.class);
        assertThat(p.history()).hasSize(before + 1);
    }

    @ParameterizedTest
    @CsvSource({ "GRANTED, FUNDED", "DENIED, FUNDING_DENIED" })
    void aGrantOrDenialEndsTheProposalsLife(FundingStage stage, ProposalStatus expected) {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.FUNDING_APPLIED));
        p.updateFunding(Proposals.funding(stage), "koordination", T0);
        assertThat(p.status()).isEqualTo(expected);
        assertThat(p.allowedActions()).isEmpty();
    }

    @Test
    void aGrantReportedStraightAfterApprovalPassesThroughFundingApplied() {
        Proposal p = Proposals.saved(Proposals.in(ProposalStatus.APPROVED));
        p.updateFunding(Proposals.funding(FundingStage.GRANTED), "koordination", T0);
        assertThat(p.status()).isEqualTo(ProposalStatus.FUNDED);
        assertThat(p.pendingEvents()).filteredOn(ProposalStatusChanged.class::isInstance)
                .extracting(e -> ((ProposalStatusChanged) e).to())
                .containsExactly(ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED);
        assertThat(p.funding().grantedAmountEur()).isEqualByComparingTo("45000.00");
    }

    @Test
    void aGrantedAmountBelongsToAGrantOnly() {
        assertThatThrownBy(() -> new FundingApplication("ESF Plus", FundingStage.PLANNED, BigDecimal.TEN,
                BigDecimal.ONE, LocalDate.of(2026, 1, 1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FundingApplication("ESF Plus", FundingStage.GRANTED, BigDecimal.TEN, null,
                LocalDate.of(2026, 1, 1), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
