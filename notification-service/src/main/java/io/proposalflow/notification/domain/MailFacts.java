package io.proposalflow.notification.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Themenfeld;

/**
 * The facts a mail states, taken from the event when it is consumed and kept with the notification, so
 * the mail can be rendered (again) at any time. Deliberately no reviewer ids or names: the same facts go
 * to partners, and reviewers' identities are not theirs to see. Fields a kind does not use are null.
 */
public record MailFacts(
        MailKind kind,
        String title,
        Themenfeld themenfeld,
        ProposalStatus status,
        ProposalStatus previousStatus,
        String reason,
        ReviewOutcome outcome,
        String decisionSummary,
        Integer round,
        String programme,
        FundingStage fundingStage,
        BigDecimal requestedAmountEur,
        BigDecimal grantedAmountEur,
        LocalDate stageDate,
        Instant dueAt) {

    /** Null when the event is not one that mails anybody. */
    public static MailFacts of(DomainEvent event, ProposalSnapshot proposal) {
        Builder b = new Builder(proposal);
        if (event instanceof ProposalSubmitted e) {
            return b.kind(MailKind.SUBMITTED).status(ProposalStatus.SUBMITTED)
                    .requested(e.content().requestedBudgetEur()).round(1).build();
        }
        if (event instanceof ProposalResubmitted e) {
            return b.kind(MailKind.RESUBMITTED).status(ProposalStatus.SUBMITTED)
                    .requested(e.content().requestedBudgetEur()).round(e.round()).build();
        }
        if (event instanceof ProposalWithdrawn e) {
            return b.kind(MailKind.WITHDRAWN).status(ProposalStatus.WITHDRAWN).previous(e.previousStatus())
                    .reason(e.reason()).build();
        }
        if (event instanceof ProposalStatusChanged e) {
            return b.kind(MailKind.STATUS_CHANGED).status(e.to()).previous(e.from()).reason(e.reason()).build();
        }
        if (event instanceof FundingApplicationUpdated e) {
            return b.kind(MailKind.FUNDING_UPDATED).funding(e).build();
        }
        if (event instanceof ReviewersAssigned) {
            return b.kind(MailKind.REVIEW_ASSIGNED).due(proposal.reviewDueAt()).build();
        }
        if (event instanceof ReviewReminderDue e) {
            return b.kind(MailKind.REVIEW_REMINDER).due(e.dueAt()).build();
        }
        if (event instanceof ReviewOverdue e) {
            return b.kind(MailKind.REVIEW_OVERDUE).due(e.dueAt()).build();
        }
        if (event instanceof ReviewCompleted e) {
            return b.kind(MailKind.REVIEW_COMPLETED).outcome(e.outcome(), e.summary()).round(e.round()).build();
        }
        return null;
    }

    /** Collects the fields step by step; keeps {@link #of} readable. */
    private static final class Builder {
        private final ProposalSnapshot proposal;
        private MailKind kind;
        private ProposalStatus status;
        private ProposalStatus previous;
        private String reason;
        private ReviewOutcome outcome;
        private String summary;
        private Integer round;
        private String programme;
        private FundingStage stage;
        private BigDecimal requested;
        private BigDecimal granted;
        private LocalDate stageDate;
        private Instant due;

        Builder(ProposalSnapshot proposal) {
            this.proposal = proposal;
        }

        Builder kind(MailKind value) { kind = value; return this; }
        Builder status(ProposalStatus value) { status = value; return this; }
        Builder previous(ProposalStatus value) { previous = value; return this; }
        Builder reason(String value) { reason = value; return this; }
        Builder round(int value) { round = value; return this; }
        Builder requested(BigDecimal value) { requested = value; return this; }
        Builder due(Instant value) { due = value; return this; }

        Builder outcome(ReviewOutcome value, String decisionSummary) {
            outcome = value;
            summary = decisionSummary;
            return this;
        }

        Builder funding(FundingApplicationUpdated e) {
            programme = e.programme();
            stage = e.stage();
            requested = e.requestedAmountEur();
            granted = e.grantedAmountEur();
            stageDate = e.stageDate();
            reason = e.note();
            return this;
        }

        MailFacts build() {
            return new MailFacts(kind, proposal.title(), proposal.themenfeld(), status, previous, reason, outcome,
                    summary, round, programme, stage, requested, granted, stageDate, due);
        }
    }
}
