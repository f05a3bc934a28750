package io.proposalflow.proposal.domain;

import java.time.Instant;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.RecipientKind;

/**
 * One line of a proposal's timeline.
 *
 * @param actor user id, or the service that reported the change (review-service, notification-service)
 * @param from  status before, null when the status did not change
 * @param to    status after, null when the status did not change
 * @param note  why, or what exactly (a reason, the reviewers' summary, a funding stage, a notified organisation)
 */
public record HistoryEntry(Instant at, String actor, HistoryKind what, ProposalStatus from, ProposalStatus to,
        String note) {

    /**
     * A delivery notification-service reported. Only the organisation (id and name) enters the
     * history, never a person or an address.
     */
    public static HistoryEntry delivery(boolean delivered, RecipientKind recipientKind, String organisationId,
            String organisationName, Instant at) {
        String who = organisationId == null ? recipientKind.name()
                : organisationName == null ? organisationId : organisationName + " (" + organisationId + ")";
        return new HistoryEntry(at, Proposal.NOTIFICATION_SERVICE,
                delivered ? HistoryKind.NOTIFICATION_SENT : HistoryKind.NOTIFICATION_FAILED, null, null, who);
    }
}
