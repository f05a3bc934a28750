package io.proposalflow.proposal.domain;

import static io.proposalflow.proposal.domain.ProposalFixture.given;
import static io.proposalflow.proposal.domain.Proposals.FOCUS_GROUP_USER;
import static io.proposalflow.proposal.domain.Proposals.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.Themenfeld;

class ProposalLifecycleTest {

    /** Each user action, applied to a proposal. */
    enum UserAction {
        EDIT(Action.EDIT, p -> p.edit(Proposals.content(), null, FOCUS_GROUP_USER, T0)),
        SUBMIT(Action.SUBMIT, p -> p.submit(FOCUS_GROUP_USER, T0)),
        RESUBMIT(Action.RESUBMIT, p -> p.resubmit(FOCUS_GROUP_USER, T0)),
        WITHDRAW(Action.WITHDRAW, p -> p.withdraw("Träger springt ab", FOCUS_GROUP_USER, T0)),
        UPDATE_FUNDING(Action.UPDATE_FUNDING,
                p -> p.updateFunding(Proposals.funding(FundingStage.INVITED_TO_APPLY), "koordination", T0));

        final Action action;
        final Consumer<Proposal> apply;

        UserAction(Action action, Consumer<Proposal> apply) {
            this.action = action;
            this.apply = apply;
        }
    }

    static final Set<ProposalStatus> FINAL = EnumSet.of(ProposalStatus.REJECTED, ProposalStatus.FUNDED,
            ProposalStatus.FUNDING_DENIED, ProposalStatus.WITHDRAWN);

    /** The states in which each user action is allowed, written out as the lifecycle draws them (README). */
    static Set<ProposalStatus> allowedStates(UserAction action) {
        switch (action) {
            case EDIT:
                return EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.CHANGES_REQUESTED);
            case SUBMIT:
                return EnumSet.of(ProposalStatus.DRAFT);
            case RESUBMIT:
                return EnumSet.of(ProposalStatus.CHANGES_REQUESTED);
            case WITHDRAW:
                return EnumSet.complementOf(EnumSet.copyOf(FINAL));
            default:
                return EnumSet.of(ProposalStatus.APPROVED, ProposalStatus.FUNDING_APPLIED);
        }
    }

    static ProposalStatus expectedStatusAfter(UserAction action, ProposalStatus before) {
        switch (action) {
            case SUBMIT:
            case RESUBMIT:
                return ProposalStatus.SUBMITTED;
            case WITHDRAW:
                return ProposalStatus.WITHDRAWN;
            case UPDATE_FUNDING:
                return ProposalStatus.FUNDING_APPLIED;
            default:
                return before;
        }
    }

    static List<Arguments> everyActionInEveryState() {
        List<Arguments> cases = new ArrayList<>();
        for (UserAction action : UserAction.values()) {
            for (ProposalStatus status : ProposalStatus.values()) {
                cases.add(Arguments.of(action, status, allowedStates(action).contains(status)));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} in {1}: allowed={2}")
    @MethodSource("everyActionInEveryState")
    void anActionIsAllowedExactlyInTheStatesTheLifecycleDraws(UserAction action, ProposalStatus status,
            boolean allowed) {
        ProposalFixture fixture = given(status).then(p -> assertThat(p.status()).isEqualTo(status));
        if (allowed) {
            // an edit is not announced; every other action by its own one event (no status change besides)
            int expectedEvents = action == UserAction.EDIT ? 0 : 1;
            fixture.when(action.apply)
                    .thenStatus(expectedStatusAfter(action, status))
                    .thenLastHistory(entry -> assertThat(entry.actor()).isIn(FOCUS_GROUP_USER, "koordination"))
                    .thenEvents().hasSize(expectedEvents);
        } else {
            fixture.when(action.apply)
                    .thenRefused(IllegalTransitionException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(status);
                        assertThat(e.action()).isEqualTo(action.action);
                        assertThat(e.allowedActions()).doesNotContain(action.action);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(ProposalStatus.class)
    void aFinalStateAllowsNoUserActionAndEveryOtherAllowsWithdrawing(ProposalStatus status) {
        List<Action> allowed = Action.userActionsIn(status);
        if (FINAL.contains(status)) {
            assertThat(allowed).isEmpty();
            assertThat(Lifecycle.isFinal(status)).isTrue();
        } else {
            assertThat(allowed).contains(Action.WITHDRAW);
            assertThat(Lifecycle.canMove(status, ProposalStatus.WITHDRAWN)).isTrue();
        }
    }

    @Test
    void aDraftIsAnnouncedToNobody() {
        Proposal draft = Proposals.draft();
        assertThat(draft.status()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(draft.pendingEvents()).as("no other service acts on a draft").isEmpty();
        assertThat(draft.history()).extracting(HistoryEntry::what).containsExactly(HistoryKind.DRAFTED);
    }

    @Test
    void submittingStartsRoundOneAndAnnouncesTheContent() {
        given(ProposalStatus.DRAFT)
                .when(p -> p.submit(FOCUS_GROUP_USER, T0))
                .thenStatus(ProposalStatus.SUBMITTED)
                .thenAnnounced(ProposalSubmitted.class)
                .then(p -> {
                    assertThat(p.round()).isEqualTo(1);
                    assertThat(p.pendingEvents().get(0)).isInstanceOfSatisfying(ProposalSubmitted.class, e -> {
                        assertThat(e.version()).isEqualTo(1);
                        assertThat(e.content()).isEqualTo(Proposals.content());
                    });
                })
                .thenLastHistory(last -> {
                    assertThat(last.actor()).isEqualTo(FOCUS_GROUP_USER);
                    assertThat(last.from()).isEqualTo(ProposalStatus.DRAFT);
                    assertThat(last.to()).isEqualTo(ProposalStatus.SUBMITTED);
                });
    }

    @Test
    void resubmittingStartsTheNextReviewRound() {
        given(ProposalStatus.CHANGES_REQUESTED)
                .when(p -> p.resubmit(FOCUS_GROUP_USER, T0))
                .thenStatus(ProposalStatus.SUBMITTED)
                .then(p -> assertThat(p.round()).isEqualTo(2))
                .thenAnnounced(ProposalResubmitted.class)
                .thenEvents().first().isInstanceOfSatisfying(ProposalResubmitted.class,
                        e -> assertThat(e.round()).isEqualTo(2));
    }

    @Test
    void withdrawingRecordsTheReasonAndThePreviousStatus() {
        given(ProposalStatus.IN_REVIEW)
                .when(p -> p.withdraw("Träger springt ab", FOCUS_GROUP_USER, T0))
                .thenStatus(ProposalStatus.WITHDRAWN)
                .thenLastHistory(last -> assertThat(last.note()).isEqualTo("Träger springt ab"))
                .thenEvents().first().isInstanceOfSatisfying(ProposalWithdrawn.class, e -> {
                    assertThat(e.previousStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
                    assertThat(e.reason()).isEqualTo("Träger springt ab");
                });
    }

    @Test
    void theThemenfeldOfAProposalCannotChange() {
        var c = Proposals.content();
        var other = new io.proposalflow.events.ProposalContent(c.title(), c.summary(), Themenfeld.HEALTH, c.goals(),
                c.targetGroups(), c.partners(), c.requestedBudgetEur(), c.plannedStart(), c.plannedEnd(),
                c.fundingProgramme());
        Proposal p = given(ProposalStatus.DRAFT)
                .when(proposal -> proposal.edit(other, null, FOCUS_GROUP_USER, T0))
                .thenRefused(ThemenfeldChangeException.class,
                        e -> assertThat(e.themenfeld()).isEqualTo(Themenfeld.WORK_ECONOMY))
                .proposal();
        assertThat(p.content().themenfeld()).isEqualTo(Themenfeld.WORK_ECONOMY);
    }

    @Test
    void aFocusGroupDraftsInItsOwnThemenfeldOnly() {
        ForeignThemenfeldException.requireOwn(Themenfeld.WORK_ECONOMY, Themenfeld.WORK_ECONOMY);
        assertThatThrownBy(() -> ForeignThemenfeldException.requireOwn(Themenfeld.HEALTH, Themenfeld.WORK_ECONOMY))
                .isInstanceOf(ForeignThemenfeldException.class).hasMessageContaining("(HEALTH)");
        assertThatThrownBy(() -> ForeignThemenfeldException.requireOwn(null, Themenfeld.WORK_ECONOMY))
                .isInstanceOf(ForeignThemenfeldException.class);
    }

    @Test
    void aFocusGroupOwnsOnlyProposalsOfItsThemenfeld() {
        Proposal p = Proposals.draft();
        assertThat(p.isOwnedBy(Themenfeld.WORK_ECONOMY)).isTrue();
        assertThat(p.isOwnedBy(Themenfeld.HEALTH)).isFalse();
        assertThat(p.isOwnedBy(null)).isFalse();
    }
}
