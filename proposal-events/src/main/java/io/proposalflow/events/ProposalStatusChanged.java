package io.proposalflow.events;

import java.util.UUID;

/**
 * Every status transition, including those that have their own event, so that a consumer interested
 * only in status (notifications, key figures) reads one event type.
 */
public record ProposalStatusChanged(UUID proposalId, long version, Themenfeld themenfeld, String title,
        ProposalStatus from, ProposalStatus to, @Nullable String reason) implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
