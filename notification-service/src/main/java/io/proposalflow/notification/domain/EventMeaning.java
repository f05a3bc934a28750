package io.proposalflow.notification.domain;

import java.util.List;
import java.util.function.Consumer;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalDrafted;
import io.proposalflow.events.ProposalEvent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecisionRecorded;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;

import static io.proposalflow.notification.domain.Audience.ASSIGNED_REVIEWERS;
import static io.proposalflow.notification.domain.Audience.FOCUS_GROUP;
import static io.proposalflow.notification.domain.Audience.PARTNERS;

/**
 * What an event means to this service, in one place: how it changes this service's copy of the
 * proposal, which event speaks for a step and who hears of it, and the facts its mail states. It is
 * a handler of every event family, so a new event type does not compile until its meaning is
 * decided here (and nowhere else).
 *
 * <p>A step is what a person experiences as one thing. Several events travel for most steps (a
 * submission is {@code ProposalSubmitted}, two {@code ProposalStatusChanged}, {@code ReviewOpened} and
 * {@code ReviewersAssigned}), on two topics that are not ordered against each other. Exactly one event
 * of each step mails each audience, so what a recipient gets does not depend on the order in which the
 * events arrive, and nobody gets two mails for one step:
 *
 * <table>
 *   <caption>steps and the event that speaks for them</caption>
 *   <tr><th>step</th><th>speaks</th><th>silent</th><th>mailed</th></tr>
 *   <tr><td>submitted, review opened</td><td>ProposalSubmitted</td><td>status changes to SUBMITTED and
 *       IN_REVIEW, ReviewOpened</td><td>partners, focus group</td></tr>
 *   <tr><td>reviewers assigned</td><td>ReviewersAssigned</td><td></td><td>the assigned reviewers</td></tr>
 *   <tr><td>resubmitted</td><td>ProposalResubmitted</td><td>status changes</td><td>partners, focus group</td></tr>
 *   <tr><td>review completed</td><td>ReviewCompleted (carries the comments)</td><td>the status change it
 *       causes, single decisions</td><td>focus group, partners</td></tr>
 *   <tr><td>funding report</td><td>FundingApplicationUpdated</td><td>the status changes it causes</td>
 *       <td>partners, focus group</td></tr>
 *   <tr><td>withdrawn</td><td>ProposalWithdrawn; ReviewCancelled</td><td>the status change</td><td>partners
 *       (withdrawn), focus group (confirmation); the reviewers of the cancelled case</td></tr>
 *   <tr><td>reminder, overdue</td><td>their own event</td><td></td><td>that reviewer</td></tr>
 * </table>
 *
 * <p>{@code ProposalStatusChanged} never mails: every status change belongs to one of these steps.
 */
public final class EventMeaning implements ProposalEvent.Handler<EventMeaning.Meaning>,
        ReviewEvent.Handler<EventMeaning.Meaning>, NotificationEvent.Handler<EventMeaning.Meaning> {

    private static final EventMeaning INSTANCE = new EventMeaning();
    private static final Meaning NOTHING = new Meaning(CopyChange.NOTHING, List.of(), null, facts -> { });

    private EventMeaning() {
    }

    /** One kind of mail to one audience. */
    public record Mailing(Audience audience, MailKind kind) {
    }

    /**
     * The three answers for one event.
     *
     * @param copy         what changes in the copy of the proposal; applied before anything is mailed
     * @param mailings     who gets which kind of mail (none for most events)
     * @param reviewCaseId the review case of a review event (its reviewers, a reviewer's link); null otherwise
     * @param eventFacts   what the mail states from the event itself
     */
    public record Meaning(CopyChange copy, List<Mailing> mailings, String reviewCaseId,
            Consumer<MailFacts.Builder> eventFacts) {

        public Meaning {
            mailings = List.copyOf(mailings);
        }

        /**
         * Whether the event must wait until the proposal's own events have reached the copy. A review
         * event can overtake them (another topic) and they will come; a proposal event for a proposal
         * never seen cannot be helped by waiting (its predecessors on the same partition are gone).
         */
        public boolean waitsForProposal() {
            return reviewCaseId != null;
        }

        /** The facts of a mail of {@code kind} (one of {@link #mailings}) about {@code proposal}. */
        public MailFacts facts(MailKind kind, ProposalSnapshot proposal) {
            MailFacts.Builder builder = new MailFacts.Builder(kind, proposal, reviewCaseId);
            eventFacts.accept(builder);
            return builder.build();
        }

        Meaning ofCase(ReviewEvent event) {
            return new Meaning(copy, mailings, event.reviewCaseId().toString(), eventFacts);
        }
    }

    /** What {@code event} means to this service. */
    public static Meaning of(DomainEvent event) {
        // the three families of the sealed DomainEvent; each dispatches exhaustively to this handler
        if (event instanceof ProposalEvent proposalEvent) {
            return proposalEvent.accept(INSTANCE);
        }
        if (event instanceof ReviewEvent reviewEvent) {
            return reviewEvent.accept(INSTANCE).ofCase(reviewEvent);
        }
        return ((NotificationEvent) event).accept(INSTANCE);
    }

    // --- proposal events ---

    @Override
    public Meaning on(ProposalDrafted event) {
        // a draft is the focus group's own business; the copy starts with the submission
        return NOTHING;
    }

    @Override
    public Meaning on(ProposalSubmitted event) {
        return new Meaning(content(event.version(), event.content()), toPartnersAndFocusGroup(MailKind.SUBMITTED),
                null, facts -> facts.status(ProposalStatus.SUBMITTED).round(1)
                        .requested(event.content().requestedBudgetEur()));
    }

    @Override
    public Meaning on(ProposalResubmitted event) {
        return new Meaning(content(event.version(), event.content()), toPartnersAndFocusGroup(MailKind.RESUBMITTED),
                null, facts -> facts.status(ProposalStatus.SUBMITTED).round(event.round())
                        .requested(event.content().requestedBudgetEur()));
    }

    @Override
    public Meaning on(ProposalWithdrawn event) {
        return new Meaning(CopyChange.NOTHING, List.of(new Mailing(PARTNERS, MailKind.WITHDRAWN),
                new Mailing(FOCUS_GROUP, MailKind.WITHDRAWAL_CONFIRMED)), null,
                facts -> facts.status(ProposalStatus.WITHDRAWN).previous(event.previousStatus())
                        .reason(event.reason()));
    }

    @Override
    public Meaning on(ProposalStatusChanged event) {
        // part of a step whose own event speaks for it; it changes neither title nor Themenfeld (only a
        // submission or resubmission does, and both carry the content), so the copy is not written
        return NOTHING;
    }

    @Override
    public Meaning on(FundingApplicationUpdated event) {
        return new Meaning(CopyChange.NOTHING, toPartnersAndFocusGroup(MailKind.FUNDING_UPDATED), null,
                facts -> facts.funding(event));
    }

    // --- review events ---

    @Override
    public Meaning on(ReviewOpened event) {
        // part of the submission step, which ProposalSubmitted mails
        return new Meaning(new CopyChange.ReviewDue(event.dueAt(), event.themenfeld()), List.of(), null,
                facts -> { });
    }

    @Override
    public Meaning on(ReviewersAssigned event) {
        return new Meaning(new CopyChange.ReviewersAdded(event.reviewCaseId().toString(), event.reviewerIds()),
                List.of(new Mailing(Audience.reviewers(event.reviewerIds()), MailKind.REVIEW_ASSIGNED)), null,
                facts -> facts.due(facts.proposal().reviewDueAt()));
    }

    @Override
    public Meaning on(ReviewDecisionRecorded event) {
        // a single decision; the review's outcome speaks for all of them
        return NOTHING;
    }

    @Override
    public Meaning on(ReviewCompleted event) {
        return new Meaning(CopyChange.NOTHING, toPartnersAndFocusGroup(MailKind.REVIEW_COMPLETED), null,
                facts -> facts.review(event));
    }

    @Override
    public Meaning on(ReviewCancelled event) {
        return new Meaning(CopyChange.NOTHING, List.of(new Mailing(ASSIGNED_REVIEWERS, MailKind.REVIEW_CANCELLED)),
                null, facts -> facts.reason(event.reason()));
    }

    @Override
    public Meaning on(ReviewReminderDue event) {
        return new Meaning(CopyChange.NOTHING, List.of(new Mailing(Audience.reviewers(List.of(event.reviewerId())),
                MailKind.REVIEW_REMINDER)), null, facts -> facts.due(event.dueAt()));
    }

    @Override
    public Meaning on(ReviewOverdue event) {
        return new Meaning(CopyChange.NOTHING, List.of(new Mailing(Audience.reviewers(List.of(event.reviewerId())),
                MailKind.REVIEW_OVERDUE)), null, facts -> facts.due(event.dueAt()));
    }

    @Override
    public Meaning on(ReviewerRemoved event) {
        // a coordinator's correction of a case: the replacement hears of it through ReviewersAssigned
        return new Meaning(new CopyChange.ReviewerTakenOff(event.reviewCaseId().toString(), event.reviewerId()),
                List.of(), null, facts -> { });
    }

    // --- this service's own announcements ---

    @Override
    public Meaning on(NotificationSent event) {
        return NOTHING;
    }

    @Override
    public Meaning on(NotificationFailed event) {
        return NOTHING;
    }

    private static CopyChange content(long version, ProposalContent content) {
        return new CopyChange.ProposalSeen(version, content.title(), content.themenfeld(),
                content.partners().stream().map(PartnerRef::id).toList());
    }

    private static List<Mailing> toPartnersAndFocusGroup(MailKind kind) {
        return List.of(new Mailing(PARTNERS, kind), new Mailing(FOCUS_GROUP, kind));
    }
}
