package io.proposalflow.proposal.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;

/**
 * The whole state of a {@link Proposal} apart from its identity (id) and its version: what is stored
 * (the persistence edge maps this record's components as the document's fields, one to one) and what
 * the API and the key figures read. A new piece of state is a component here, kept by {@link Proposal}.
 *
 * @param contact          how to reach the focus group about this proposal; stays in this service
 * @param round            review round: 0 until submitted, 1 on submit, +1 on each resubmission
 * @param firstSubmittedAt start of the "days to decision" key figure
 * @param decidedAt        when the review approved or rejected the proposal
 * @param decision         APPROVED or REJECTED once decided, else null
 * @param reviewFeedback   the reviewers' comments per completed round, for the focus group; never null
 */
public record ProposalState(ProposalContent content, @Nullable String contact, ProposalStatus status, int round,
        @Nullable FundingApplication funding, List<HistoryEntry> history, String createdBy, Instant createdAt,
        Instant updatedAt, @Nullable Instant firstSubmittedAt, @Nullable Instant decidedAt,
        @Nullable ReviewOutcome decision, List<ReviewFeedback> reviewFeedback) {

    public ProposalState {
        history = history == null ? List.of() : List.copyOf(history);
        // proposals stored before the feedback was kept have none
        reviewFeedback = reviewFeedback == null ? List.of() : List.copyOf(reviewFeedback);
    }
}
