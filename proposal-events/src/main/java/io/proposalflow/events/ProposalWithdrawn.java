package io.proposalflow.events;

import java.util.UUID;

public record ProposalWithdrawn(UUID proposalId, long version, ProposalStatus previousStatus, String reason,
        String withdrawnBy) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
