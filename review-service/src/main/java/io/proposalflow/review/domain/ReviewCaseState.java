package io.proposalflow.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.ProposalContent;

/**
 * Everything a {@link ReviewCase} knows, in one place: the case holds exactly this (plus its id and
 * the events not yet saved), and it is also the stored shape, the persistence layer maps it field by
 * field without a copy of its own. A new piece of state is one new component here (the compiler then
 * points at the two places that build one) plus its line in the stored-layout test.
 *
 * @param content      what the reviewers judge: the proposal as submitted for this round
 * @param remindAt     when undecided reviewers are reminded
 * @param reviewers    in order of assignment
 * @param result       set once the case is COMPLETED
 * @param cancelReason set once the case is CANCELLED
 */
public record ReviewCaseState(UUID proposalId, int round, ProposalContent content, Instant openedAt, Instant dueAt,
        Instant remindAt, ReviewStatus status, List<AssignedReviewer> reviewers, @Nullable ReviewResult result,
        @Nullable String cancelReason) {

    public ReviewCaseState {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(remindAt, "remindAt");
        Objects.requireNonNull(status, "status");
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    /** The same case after a change: what a case may change about itself. */
    ReviewCaseState changed(ReviewStatus newStatus, List<AssignedReviewer> newReviewers, ReviewResult newResult,
            String newCancelReason) {
        return new ReviewCaseState(proposalId, round, content, openedAt, dueAt, remindAt, newStatus, newReviewers,
                newResult, newCancelReason);
    }
}
