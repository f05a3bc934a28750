package io.proposalflow.events;

import java.time.Instant;
import java.util.UUID;

/** A reviewer has not decided yet and the due date is near. */
public record ReviewReminderDue(UUID reviewCaseId, UUID proposalId, String reviewerId, Instant dueAt)
        implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
