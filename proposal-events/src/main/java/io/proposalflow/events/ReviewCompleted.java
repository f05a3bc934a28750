package io.proposalflow.events;

import java.util.List;
import java.util.UUID;

public record ReviewCompleted(UUID reviewCaseId, UUID proposalId, int round, ReviewOutcome outcome,
        ScoreAverages averageScores, List<ReviewComment> comments, String summary) implements ReviewEvent {

    public ReviewCompleted {
        comments = List.copyOf(comments);
    }

    @Override
    public <R> R accept(ReviewEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
