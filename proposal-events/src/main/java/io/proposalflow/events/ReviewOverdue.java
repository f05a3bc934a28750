package io.proposalflow.events;

import java.time.Instant;
import java.util.UUID;

/** A reviewer has not decided by the due date. */
public record ReviewOverdue(UUID reviewCaseId, UUID proposalId, String reviewerId, Instant dueAt)
        implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
