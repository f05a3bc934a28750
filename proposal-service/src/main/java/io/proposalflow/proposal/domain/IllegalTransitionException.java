package io.proposalflow.proposal.domain;

import java.util.List;

import io.proposalflow.events.ProposalStatus;

/** An action the proposal's current state does not allow; the API answers it with a 409. */
public class IllegalTransitionException extends RuntimeException {

    private final ProposalStatus currentStatus;
    private final Action action;

    public IllegalTransitionException(ProposalStatus currentStatus, Action action) {
        super("A proposal in status " + currentStatus + " does not allow " + action
                + "; allowed: " + Action.userActionsIn(currentStatus));
        this.currentStatus = currentStatus;
        this.action = action;
    }

    public ProposalStatus currentStatus() {
        return currentStatus;
    }

    public Action action() {
        return action;
    }

    public List<Action> allowedActions() {
        return Action.userActionsIn(currentStatus);
    }
}
