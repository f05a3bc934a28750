package io.proposalflow.events;

import java.util.UUID;

/** First submission; carries the full content so review-service needs no call back. */
public record ProposalSubmitted(UUID proposalId, long version, ProposalContent content, String submittedBy)
        implements ProposalEvent {
    @Override
    public <R> R accept(ProposalEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
