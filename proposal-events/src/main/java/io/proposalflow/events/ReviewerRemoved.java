package io.proposalflow.events;

import java.util.UUID;

/**
 * A coordinator took a reviewer off an open review case (e.g. they left the panel or became
 * conflicted after assignment). A replacement, if any, follows as {@link ReviewersAssigned} with
 * {@code manual = true}.
 *
 * @param decisionDiscarded true if the reviewer had already decided: that decision no longer counts
 */
public record ReviewerRemoved(UUID reviewCaseId, UUID proposalId, String reviewerId, boolean decisionDiscarded)
        implements ReviewEvent {
    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
