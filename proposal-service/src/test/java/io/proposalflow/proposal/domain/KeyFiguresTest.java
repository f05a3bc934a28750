package io.proposalflow.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

class KeyFiguresTest {

    private static ProposalSnapshot decidedAfter(int days, ReviewOutcome outcome) {
        Proposal p = Proposals.in(ProposalStatus.IN_REVIEW);
        p.completeReview(1, outcome, List.of(), Proposals.T0.plus(Duration.ofDays(days)));
        return p.snapshot();
    }

    @Test
    void approvalRateCountsDecidedProposalsOnlyAndTheMedianTakesTheMiddleOfTheDays() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(
                decidedAfter(10, ReviewOutcome.APPROVED),
                decidedAfter(20, ReviewOutcome.REJECTED),
                decidedAfter(31, ReviewOutcome.APPROVED),
                decidedAfter(40, ReviewOutcome.APPROVED),
                Proposals.in(ProposalStatus.DRAFT).snapshot()));
        assertThat(figures.proposals()).isEqualTo(5);
        assertThat(figures.decided()).isEqualTo(4);
        assertThat(figures.approved()).isEqualTo(3);
        assertThat(figures.approvalRate()).isEqualByComparingTo("0.75");
        assertThat(figures.medianDaysToDecision()).isEqualByComparingTo("25.5");
        assertThat(figures.countsByThemenfeld().get(Themenfeld.WORK_ECONOMY).get(ProposalStatus.APPROVED))
                .isEqualTo(3);
        assertThat(figures.countsByThemenfeld().get(Themenfeld.HEALTH).get(ProposalStatus.DRAFT)).isZero();
    }

    @Test
    void changesRequestedIsNotADecision() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(decidedAfter(5, ReviewOutcome.CHANGES_REQUESTED)));
        assertThat(figures.decided()).isZero();
        assertThat(figures.approvalRate()).isNull();
        assertThat(figures.medianDaysToDecision()).isNull();
    }

    @Test
    void requestedAndGrantedFundingAddUpPerProgramme() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(
                Proposals.in(ProposalStatus.FUNDED).snapshot(),
                Proposals.in(ProposalStatus.FUNDING_DENIED).snapshot(),
                Proposals.in(ProposalStatus.FUNDING_APPLIED).snapshot()));
        assertThat(figures.fundingByProgramme()).singleElement().satisfies(f -> {
            assertThat(f.programme()).isEqualTo("ESF Plus");
            assertThat(f.applications()).isEqualTo(3);
            assertThat(f.granted()).isEqualTo(1);
            assertThat(f.requestedEur()).isEqualByComparingTo("144000.00");
            assertThat(f.grantedEur()).isEqualByComparingTo("45000.00");
        });
        assertThat(Proposals.funding(FundingStage.GRANTED).decided()).isTrue();
    }
}
