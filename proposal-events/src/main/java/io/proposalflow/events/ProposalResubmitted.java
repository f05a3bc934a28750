package io.proposalflow.events;

import java.util.UUID;

/** @param round review round the revised content goes into (2 for the first resubmission) */
public record ProposalResubmitted(UUID proposalId, long version, int round, ProposalContent content,
        String submittedBy) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
