package io.proposalflow.proposal.domain;

import static io.proposalflow.events.ProposalStatus.APPROVED;
import static io.proposalflow.events.ProposalStatus.CHANGES_REQUESTED;
import static io.proposalflow.events.ProposalStatus.DRAFT;
import static io.proposalflow.events.ProposalStatus.FUNDING_APPLIED;
import static io.proposalflow.events.ProposalStatus.IN_REVIEW;
import static io.proposalflow.events.ProposalStatus.SUBMITTED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.proposalflow.events.ProposalStatus;

/**
 * What can be done to a proposal, and in which states. Users' actions come in through the API;
 * the review actions come in as events from review-service.
 */
public enum Action {
    EDIT(true, DRAFT, CHANGES_REQUESTED),
    SUBMIT(true, DRAFT),
    RESUBMIT(true, CHANGES_REQUESTED),
    /** Every non-final state, see {@link Lifecycle#isFinal}. */
    WITHDRAW(true, DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, FUNDING_APPLIED),
    UPDATE_FUNDING(true, APPROVED, FUNDING_APPLIED),
    OPEN_REVIEW(false, SUBMITTED),
    COMPLETE_REVIEW(false, IN_REVIEW);

    private final boolean byUser;
    private final Set<ProposalStatus> allowedIn;

    Action(boolean byUser, ProposalStatus first, ProposalStatus... more) {
        this.byUser = byUser;
        this.allowedIn = EnumSet.of(first, more);
    }

    public boolean allowedIn(ProposalStatus status) {
        return allowedIn.contains(status);
    }

    /** The actions a user may take in {@code status}, as shown to clients (e.g. in a 409). */
    public static List<Action> userActionsIn(ProposalStatus status) {
        return Arrays.stream(values()).filter(a -> a.byUser && a.allowedIn(status)).toList();
    }
}
