package io.proposalflow.review.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.review.domain.AssignedReviewer;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewResult;
import io.proposalflow.review.domain.ReviewStatus;

/**
 * A review case as the API shows it. A reviewer sees only their own entry among the reviewers,
 * so each judges independently; a coordinator sees everyone's.
 */
public record ReviewCaseView(
        UUID id,
        UUID proposalId,
        int round,
        Themenfeld themenfeld,
        String themenfeldLabel,
        ReviewStatus status,
        ProposalContent proposal,
        Instant openedAt,
        Instant dueAt,
        List<ReviewerView> reviewers,
        @Nullable ResultView result,
        @Nullable String cancelReason) {

    /** A reviewer's entry; decision, scores, comment and decidedAt are null until they decide. */
    public record ReviewerView(String reviewerId, Instant assignedAt, boolean manual,
            @Nullable ReviewDecision decision, @Nullable Scores scores, @Nullable String comment,
            @Nullable Instant decidedAt, @Nullable Instant remindedAt, @Nullable Instant overdueAt) {

        static ReviewerView of(AssignedReviewer r) {
            boolean decided = r.hasDecided();
            return new ReviewerView(r.reviewerId(), r.assignedAt(), r.manual(),
                    decided ? r.judgement().decision() : null, decided ? r.judgement().scores() : null,
                    decided ? r.judgement().comment() : null, decided ? r.judgement().decidedAt() : null,
                    r.remindedAt(), r.overdueAt());
        }
    }

    public record ResultView(ReviewOutcome outcome, ScoreAverages averageScores, List<ReviewComment> comments,
            String summary, Instant completedAt) {

        static ResultView of(ReviewResult r) {
            return new ResultView(r.outcome(), r.averageScores(), r.comments(), r.summary(), r.completedAt());
        }
    }

    static ReviewCaseView of(ReviewCase c, Caller caller) {
        List<ReviewerView> reviewers = c.reviewers().stream()
                .filter(r -> caller.isCoordinator() || r.reviewerId().equals(caller.id()))
                .map(ReviewerView::of)
                .toList();
        return new ReviewCaseView(c.id(), c.proposalId(), c.round(), c.content().themenfeld(),
                c.content().themenfeld().label(), c.status(), c.content(), c.openedAt(), c.dueAt(), reviewers,
                c.result().map(ResultView::of).orElse(null), c.cancelReason().orElse(null));
    }
}
