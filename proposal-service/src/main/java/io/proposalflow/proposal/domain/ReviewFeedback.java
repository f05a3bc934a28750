package io.proposalflow.proposal.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.ReviewOutcome;

/**
 * What the reviewers of one round told the focus group: the outcome and their non-blank comments,
 * without reviewer ids or names, so that a focus group learns what to change but not who asked.
 *
 * @param comments the comment texts, trimmed, in the order review-service reported them
 */
public record ReviewFeedback(int round, ReviewOutcome outcome, List<String> comments, Instant completedAt) {

    public ReviewFeedback {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }
}
