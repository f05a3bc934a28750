package io.proposalflow.proposal.domain;

import java.time.Instant;

import io.proposalflow.events.RecipientKind;

/**
 * One mail notification-service reported for a proposal: for which step, to what kind of recipient
 * and organisation (never a person or an address), and whether it arrived.
 *
 * @param notificationId   the mail; a mail resent after failing reports again under the same id.
 *                         Null for deliveries stored before it was recorded
 * @param sourceEventId    CloudEvents id of the event that caused the mail, i.e. the step. Null for
 *                         deliveries stored before it was recorded
 * @param organisationId   slug of the recipient's organisation; null for focus groups and reviewers
 * @param organisationName name of that organisation, null when unknown
 * @param delivered        true for NotificationSent, false for NotificationFailed (given up)
 */
public record Delivery(String notificationId, String sourceEventId, String sourceEventType,
        RecipientKind recipientKind, String organisationId, String organisationName, boolean delivered,
        Instant at) {
}
