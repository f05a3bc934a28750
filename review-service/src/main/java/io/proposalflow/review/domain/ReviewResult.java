package io.proposalflow.review.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;

import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;

/**
 * What a completed case concludes: the outcome under the configured {@link QuorumPolicy}, the
 * average of each score (2 decimals, half up) and every reviewer's comment.
 *
 * @param summary a short German sentence for people (shown in e-mails), e.g. "2 Gutachten: 2× befürwortet"
 */
public record ReviewResult(ReviewOutcome outcome, ScoreAverages averageScores, List<ReviewComment> comments,
        String summary, Instant completedAt) {

    public ReviewResult {
        comments = List.copyOf(comments);
    }

    static ReviewResult of(List<AssignedReviewer> decided, QuorumPolicy policy, Instant now) {
        List<ReviewDecision> decisions = decided.stream().map(r -> r.judgement().decision()).toList();
        List<Scores> scores = decided.stream().map(r -> r.judgement().scores()).toList();
        ScoreAverages averages = new ScoreAverages(
                average(scores, Scores::need),
                average(scores, Scores::feasibility),
                average(scores, Scores::integrationImpact),
                average(scores, Scores::sustainability));
        List<ReviewComment> comments = decided.stream()
                .map(r -> new ReviewComment(r.reviewerId(), r.judgement().decision(), r.judgement().comment()))
                .toList();
        return new ReviewResult(policy.outcome(decisions), averages, comments, summary(decisions), now);
    }

    private static BigDecimal average(List<Scores> scores, ToIntFunction<Scores> criterion) {
        int sum = scores.stream().mapToInt(criterion).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    private static String summary(List<ReviewDecision> decisions) {
        return decisions.size() + " Gutachten: "
                + count(decisions, ReviewDecision.APPROVE) + "× befürwortet, "
                + count(decisions, ReviewDecision.REJECT) + "× abgelehnt, "
                + count(decisions, ReviewDecision.REQUEST_CHANGES) + "× Änderungen erbeten";
    }

    private static long count(List<ReviewDecision> decisions, ReviewDecision decision) {
        return decisions.stream().filter(d -> d == decision).count();
    }
}
