package io.proposalflow.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

class KeyFiguresTest {

    /** k = 1: nothing is small, so these tests see how the figures are computed. */
    private static final SmallCellSuppression SHOW_ALL = new SmallCellSuppression(1);
    private static final SmallCellSuppression K5 = new SmallCellSuppression(5);

    private static ProposalState decidedAfter(int days, ReviewOutcome outcome) {
        Proposal p = Proposals.in(ProposalStatus.IN_REVIEW);
        p.completeReview(1, outcome, List.of(), Proposals.T0.plus(Duration.ofDays(days)));
        return p.state();
    }

    @Test
    void approvalRateCountsDecidedProposalsOnlyAndTheMedianTakesTheMiddleOfTheDays() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(
                decidedAfter(10, ReviewOutcome.APPROVED),
                decidedAfter(20, ReviewOutcome.REJECTED),
                decidedAfter(31, ReviewOutcome.APPROVED),
                decidedAfter(40, ReviewOutcome.APPROVED),
                Proposals.in(ProposalStatus.DRAFT).state()), SHOW_ALL);
        assertThat(figures.proposals().value()).isEqualTo(5);
        assertThat(figures.decided().value()).isEqualTo(4);
        assertThat(figures.approved().value()).isEqualTo(3);
        assertThat(figures.approvalRate().value()).isEqualByComparingTo("0.75");
        assertThat(figures.medianDaysToDecision().value()).isEqualByComparingTo("25.5");
        assertThat(figures.countsByThemenfeld().get(Themenfeld.WORK_ECONOMY).get(ProposalStatus.APPROVED).value())
                .isEqualTo(3);
        assertThat(figures.countsByThemenfeld().get(Themenfeld.HEALTH).get(ProposalStatus.DRAFT).value()).isZero();
    }

    @Test
    void changesRequestedIsNotADecision() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(decidedAfter(5, ReviewOutcome.CHANGES_REQUESTED)), SHOW_ALL);
        assertThat(figures.decided().value()).isZero();
        assertThat(figures.approvalRate().value()).isNull();
        assertThat(figures.approvalRate().suppressed()).as("nothing to compute is not suppressed").isFalse();
        assertThat(figures.medianDaysToDecision().value()).isNull();
    }

    @Test
    void requestedAndGrantedFundingAddUpPerProgramme() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(
                Proposals.in(ProposalStatus.FUNDED).state(),
                Proposals.in(ProposalStatus.FUNDING_DENIED).state(),
                Proposals.in(ProposalStatus.FUNDING_APPLIED).state()), SHOW_ALL);
        assertThat(figures.fundingByProgramme()).singleElement().satisfies(f -> {
            assertThat(f.programme()).isEqualTo("ESF Plus");
            assertThat(f.applications().value()).isEqualTo(3);
            assertThat(f.granted().value()).isEqualTo(1);
            assertThat(f.requestedEur().value()).isEqualByComparingTo("144000.00");
            assertThat(f.grantedEur().value()).isEqualByComparingTo("45000.00");
        });
        assertThat(Proposals.funding(FundingStage.GRANTED).decided()).isTrue();
    }

    @Test
    void aSingleProposalInAThemenfeldIsSuppressedAndSoIsWhatWouldGiveItAway() {
        List<ProposalState> all = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(Proposals.in(ProposalStatus.IN_REVIEW).state());
        }
        all.add(Proposals.in(ProposalStatus.DRAFT).state());
        KeyFigures figures = KeyFigures.of(null, null, all, K5);
        Map<ProposalStatus, KeyFigures.Count> work = figures.countsByThemenfeld().get(Themenfeld.WORK_ECONOMY);
        assertThat(work.get(ProposalStatus.DRAFT)).isEqualTo(new KeyFigures.Count(null, true));
        assertThat(work.get(ProposalStatus.IN_REVIEW)).as("7 - 6 would give the draft away")
                .isEqualTo(new KeyFigures.Count(null, true));
        assertThat(work.get(ProposalStatus.FUNDED)).isEqualTo(new KeyFigures.Count(0L, false));
        assertThat(figures.totalsByThemenfeld().get(Themenfeld.WORK_ECONOMY).value()).isEqualTo(7);
        assertThat(figures.proposals().value()).isEqualTo(7);
        assertThat(figures.threshold()).isEqualTo(5);
    }

    @Test
    void aShareAndAMedianOverFourDecisionsAreSuppressedOverFiveTheyAreShown() {
        List<ProposalState> four = List.of(decidedAfter(10, ReviewOutcome.APPROVED),
                decidedAfter(12, ReviewOutcome.APPROVED), decidedAfter(14, ReviewOutcome.APPROVED),
                decidedAfter(16, ReviewOutcome.APPROVED));
        KeyFigures small = KeyFigures.of(null, null, four, K5);
        assertThat(small.approvalRate()).isEqualTo(new KeyFigures.Figure(null, true));
        assertThat(small.medianDaysToDecision()).isEqualTo(new KeyFigures.Figure(null, true));
        assertThat(small.decided().suppressed()).isTrue();

        List<ProposalState> five = new java.util.ArrayList<>(four);
        five.add(decidedAfter(18, ReviewOutcome.APPROVED));
        KeyFigures enough = KeyFigures.of(null, null, five, K5);
        assertThat(enough.approvalRate().value()).isEqualByComparingTo("1");
        assertThat(enough.medianDaysToDecision().value()).isEqualByComparingTo("14");
        assertThat(enough.decided().value()).isEqualTo(5);
    }

    @Test
    void oneRejectionAmongManyApprovalsHidesTheShare() {
        List<ProposalState> all = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(decidedAfter(10, ReviewOutcome.APPROVED));
        }
        all.add(decidedAfter(10, ReviewOutcome.REJECTED));
        KeyFigures figures = KeyFigures.of(null, null, all, K5);
        assertThat(figures.approvalRate().suppressed()).as("6/7 says one was rejected").isTrue();
        assertThat(figures.approved().suppressed()).isTrue();
        assertThat(figures.medianDaysToDecision().value()).isEqualByComparingTo("10");
    }

    @Test
    void moneyOverFewerThanKApplicationsIsSuppressed() {
        KeyFigures figures = KeyFigures.of(null, null, List.of(Proposals.in(ProposalStatus.FUNDED).state(),
                Proposals.in(ProposalStatus.FUNDING_APPLIED).state()), K5);
        assertThat(figures.fundingByProgramme()).singleElement().satisfies(f -> {
            assertThat(f.programme()).isEqualTo("ESF Plus");
            assertThat(f.applications().suppressed()).isTrue();
            assertThat(f.requestedEur()).isEqualTo(new KeyFigures.Figure(null, true));
            assertThat(f.grantedEur()).isEqualTo(new KeyFigures.Figure(null, true));
        });
    }
}
