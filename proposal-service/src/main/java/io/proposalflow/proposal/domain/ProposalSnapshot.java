package io.proposalflow.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;

/**
 * The whole state of a {@link Proposal}, for storing and restoring it.
 *
 * @param version          the stored version, null before the first save
 * @param contact          how to reach the focus group about this proposal; stays in this service
 * @param round            review round: 0 until submitted, 1 on submit, +1 on each resubmission
 * @param firstSubmittedAt start of the "days to decision" key figure
 * @param decidedAt        when the review approved or rejected the proposal
 * @param decision         APPROVED or REJECTED once decided, else null
 * @param reviewFeedback   the reviewers' comments per completed round, for the focus group; never null
 */
public record ProposalSnapshot(UUID id, Long version, ProposalContent content, String contact,
        ProposalStatus status, int round, FundingApplication funding, List<HistoryEntry> history,
        String createdBy, Instant createdAt, Instant updatedAt, Instant firstSubmittedAt, Instant decidedAt,
        ReviewOutcome decision, List<ReviewFeedback> reviewFeedback) {

    public ProposalSnapshot {
        history = List.copyOf(history);
        // documents stored before the feedback was kept have none
        reviewFeedback = reviewFeedback == null ? List.of() : List.copyOf(reviewFeedback);
    }
}
