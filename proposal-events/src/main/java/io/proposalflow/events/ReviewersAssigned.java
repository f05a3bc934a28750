package io.proposalflow.events;

import java.util.List;
import java.util.UUID;

/** @param manual true when a coordinator chose the reviewers instead of the panel rotation */
public record ReviewersAssigned(UUID reviewCaseId, UUID proposalId, List<String> reviewerIds, boolean manual)
        implements ReviewEvent {

    public ReviewersAssigned {
        reviewerIds = List.copyOf(reviewerIds);
    }

    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
