package io.proposalflow.events;

public record ReviewComment(String reviewerId, ReviewDecision decision, @Nullable String comment) {
}
