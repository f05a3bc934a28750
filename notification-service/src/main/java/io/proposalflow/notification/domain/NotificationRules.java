package io.proposalflow.notification.domain;

import java.util.List;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventType;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewersAssigned;

import static io.proposalflow.notification.domain.Audience.ASSIGNED_REVIEWERS;
import static io.proposalflow.notification.domain.Audience.FOCUS_GROUP;
import static io.proposalflow.notification.domain.Audience.PARTNERS;

/**
 * Which event speaks for a step, and who hears of it: the one place that decides what is mailed.
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
 * <p>{@code ProposalStatusChanged} never mails: every status change belongs to one of these steps. The
 * switch is over every event type without a default, so a new type does not compile until it is
 * decided here.
 */
public final class NotificationRules {

    /** One kind of mail to one audience. */
    public record Mailing(Audience audience, MailKind kind) {
    }

    private NotificationRules() {
    }

    public static List<Mailing> mailingsFor(DomainEvent event) {
        EventType type = EventType.of(event);
        return switch (type) {
            case PROPOSAL_SUBMITTED -> toPartnersAndFocusGroup(MailKind.SUBMITTED);
            case PROPOSAL_RESUBMITTED -> toPartnersAndFocusGroup(MailKind.RESUBMITTED);
            case PROPOSAL_WITHDRAWN -> List.of(new Mailing(PARTNERS, MailKind.WITHDRAWN),
                    new Mailing(FOCUS_GROUP, MailKind.WITHDRAWAL_CONFIRMED));
            case FUNDING_APPLICATION_UPDATED -> toPartnersAndFocusGroup(MailKind.FUNDING_UPDATED);
            case REVIEW_COMPLETED -> toPartnersAndFocusGroup(MailKind.REVIEW_COMPLETED);
            case REVIEWERS_ASSIGNED -> List.of(new Mailing(
                    Audience.reviewers(((ReviewersAssigned) event).reviewerIds()), MailKind.REVIEW_ASSIGNED));
            case REVIEW_REMINDER_DUE -> List.of(new Mailing(
                    Audience.reviewers(List.of(((ReviewReminderDue) event).reviewerId())), MailKind.REVIEW_REMINDER));
            case REVIEW_OVERDUE -> List.of(new Mailing(
                    Audience.reviewers(List.of(((ReviewOverdue) event).reviewerId())), MailKind.REVIEW_OVERDUE));
            case REVIEW_CANCELLED -> List.of(new Mailing(ASSIGNED_REVIEWERS, MailKind.REVIEW_CANCELLED));
            case PROPOSAL_DRAFTED, PROPOSAL_STATUS_CHANGED, REVIEW_OPENED, REVIEW_DECISION_RECORDED,
                    NOTIFICATION_SENT, NOTIFICATION_FAILED -> List.of();
            // a coordinator's correction of a case: the replacement hears of it through ReviewersAssigned
            case REVIEWER_REMOVED -> List.of();
        };
    }

    private static List<Mailing> toPartnersAndFocusGroup(MailKind kind) {
        return List.of(new Mailing(PARTNERS, kind), new Mailing(FOCUS_GROUP, kind));
    }
}
