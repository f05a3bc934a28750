package io.proposalflow.events;

import java.util.UUID;

public record ReviewCancelled(UUID reviewCaseId, UUID proposalId, String reason) implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
