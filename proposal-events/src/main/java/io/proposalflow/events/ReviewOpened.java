package io.proposalflow.events;

import java.time.Instant;
import java.util.UUID;

public record ReviewOpened(UUID reviewCaseId, UUID proposalId, int round, Themenfeld themenfeld, Instant dueAt)
        implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
