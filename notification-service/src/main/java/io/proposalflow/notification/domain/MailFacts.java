package io.proposalflow.notification.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.Themenfeld;

/**
 * The facts a mail states, taken from the event when it is consumed and kept with the notification, so
 * the mail can be rendered (again) at any time. Deliberately no reviewer ids or names: the same facts go
 * to partners and the focus group, and reviewers' identities are not theirs to see (the comments of a
 * review travel as bare texts). Fields a kind does not use are null.
 *
 * @param proposalId      for the link to the proposal and its reference
 * @param reviewCaseId    for a reviewer's link to the case; null in mails to others
 * @param status          the proposal's status after this step
 * @param tally           how the reviewers decided (review completed only)
 * @param reviewerComments what the reviewers wrote, without who wrote it (review completed only)
 */
public record MailFacts(
        MailKind kind,
        String proposalId,
        String reviewCaseId,
        String title,
        Themenfeld themenfeld,
        ProposalStatus status,
        ProposalStatus previousStatus,
        String reason,
        ReviewOutcome outcome,
        ReviewTally tally,
        List<String> reviewerComments,
        Integer round,
        String programme,
        FundingStage fundingStage,
        BigDecimal requestedAmountEur,
        BigDecimal grantedAmountEur,
        LocalDate stageDate,
        Instant dueAt) {

    public MailFacts {
        reviewerComments = reviewerComments == null ? List.of() : List.copyOf(reviewerComments);
    }

    /** How many reviewers decided which way. */
    public record ReviewTally(int approvals, int changeRequests, int rejections) {

        static ReviewTally of(List<ReviewComment> decisions) {
            int approvals = 0;
            int changes = 0;
            int rejections = 0;
            for (ReviewComment c : decisions) {
                switch (c.decision()) {
                    case APPROVE -> approvals++;
                    case REQUEST_CHANGES -> changes++;
                    case REJECT -> rejections++;
                }
            }
            return new ReviewTally(approvals, changes, rejections);
        }

        public int total() {
            return approvals + changeRequests + rejections;
        }
    }

    /** The proposal's status once a funding report of this stage is recorded. */
    static ProposalStatus statusAfter(FundingStage stage) {
        return switch (stage) {
            case GRANTED -> ProposalStatus.FUNDED;
            case DENIED -> ProposalStatus.FUNDING_DENIED;
            case PLANNED, EXPRESSION_OF_INTEREST_SUBMITTED, INVITED_TO_APPLY, APPLICATION_SUBMITTED ->
                    ProposalStatus.FUNDING_APPLIED;
        };
    }

    static ProposalStatus statusAfter(ReviewOutcome outcome) {
        return switch (outcome) {
            case APPROVED -> ProposalStatus.APPROVED;
            case REJECTED -> ProposalStatus.REJECTED;
            case CHANGES_REQUESTED -> ProposalStatus.CHANGES_REQUESTED;
        };
    }

    /** Collects the fields step by step; {@link EventMeaning} says which an event sets. */
    static final class Builder {
        private final MailKind kind;
        private final ProposalSnapshot proposal;
        private final String reviewCaseId;
        private ProposalStatus status;
        private ProposalStatus previous;
        private String reason;
        private ReviewOutcome outcome;
        private ReviewTally tally;
        private List<String> comments;
        private Integer round;
        private String programme;
        private FundingStage stage;
        private BigDecimal requested;
        private BigDecimal granted;
        private LocalDate stageDate;
        private Instant due;

        /** @param reviewCaseId the review case a reviewer's link leads to; null for a proposal's event */
        Builder(MailKind kind, ProposalSnapshot proposal, String reviewCaseId) {
            this.kind = kind;
            this.proposal = proposal;
            this.reviewCaseId = reviewCaseId;
        }

        /** This service's copy of the proposal the mail is about. */
        ProposalSnapshot proposal() { return proposal; }

        Builder status(ProposalStatus value) { status = value; return this; }
        Builder previous(ProposalStatus value) { previous = value; return this; }
        Builder reason(String value) { reason = value; return this; }
        Builder round(int value) { round = value; return this; }
        Builder requested(BigDecimal value) { requested = value; return this; }
        Builder due(Instant value) { due = value; return this; }

        Builder review(ReviewCompleted e) {
            outcome = e.outcome();
            status = statusAfter(e.outcome());
            round = e.round();
            tally = ReviewTally.of(e.comments());
            // the texts only: who wrote what is not for the focus group or the partners to see
            comments = e.comments().stream().map(ReviewComment::comment)
                    .filter(Objects::nonNull).map(String::strip).filter(c -> !c.isEmpty()).toList();
            return this;
        }

        Builder funding(FundingApplicationUpdated e) {
            programme = e.programme();
            stage = e.stage();
            status = statusAfter(e.stage());
            requested = e.requestedAmountEur();
            granted = e.grantedAmountEur();
            stageDate = e.stageDate();
            reason = e.note();
            return this;
        }

        MailFacts build() {
            return new MailFacts(kind, proposal.proposalId(), reviewCaseId, proposal.title(), proposal.themenfeld(),
                    status, previous, reason, outcome, tally, comments, round, programme, stage, requested, granted,
                    stageDate, due);
        }
    }
}
