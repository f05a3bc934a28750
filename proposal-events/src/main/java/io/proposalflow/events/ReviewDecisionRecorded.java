package io.proposalflow.events;

import java.util.UUID;

/** @param revision true when the reviewer replaced an earlier decision of the same round */
public record ReviewDecisionRecorded(UUID reviewCaseId, UUID proposalId, String reviewerId, ReviewDecision decision,
        Scores scores, boolean revision) implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
