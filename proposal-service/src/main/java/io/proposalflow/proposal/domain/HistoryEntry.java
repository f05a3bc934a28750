package io.proposalflow.proposal.domain;

import java.time.Instant;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.ProposalStatus;

/**
 * One line of a proposal's timeline.
 *
 * @param actor user id, or the service that reported the change (review-service, notification-service)
 * @param from  status before, null when the status did not change
 * @param to    status after, null when the status did not change
 * @param note  why, or what exactly (a reason, the review's outcome and comments, a funding stage, who was
 *              notified at a step: see {@link NotificationSteps})
 */
public record HistoryEntry(Instant at, String actor, HistoryKind what, @Nullable ProposalStatus from,
        @Nullable ProposalStatus to, @Nullable String note) {
}
