package io.proposalflow.review.domain;

import java.time.Instant;
import java.util.Objects;

import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.Scores;

/**
 * One reviewer's decision on a case. A reviewer who rejects or asks for changes must say why,
 * otherwise the focus group cannot act on it.
 *
 * @param comment optional for APPROVE, required otherwise
 */
public record Judgement(ReviewDecision decision, Scores scores, String comment, Instant decidedAt) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public Judgement {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(decidedAt, "decidedAt");
        checkScore("scores.need", scores.need());
        checkScore("scores.feasibility", scores.feasibility());
        checkScore("scores.integrationImpact", scores.integrationImpact());
        checkScore("scores.sustainability", scores.sustainability());
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment == null && decision != ReviewDecision.APPROVE) {
            throw new InvalidInput("comment", "is required for " + decision);
        }
    }

    private static void checkScore(String field, int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new InvalidInput(field, "must be between " + MIN_SCORE + " and " + MAX_SCORE);
        }
    }
}
