package io.proposalflow.events;

import java.util.UUID;

/** @param createdBy user id of the focus group member */
public record ProposalDrafted(UUID proposalId, long version, Themenfeld themenfeld, String title, String createdBy)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
