package io.proposalflow.notification.domain;

import java.time.Instant;

import io.proposalflow.events.RecipientKind;

/**
 * Proof that a recipient was erased: who did it and when, naming them only by their id.
 *
 * @param organisationId the partner organisation of a contact person; null for a reviewer or focus group
 * @param contactId      contact person id, reviewer id or focus group key (Themenfeld)
 * @param erasedBy       user id of the coordinator, or "retention" when the retention period erased it
 */
public record Erasure(String id, String organisationId, String contactId, String erasedBy, Instant erasedAt,
        long anonymisedNotifications, RecipientKind recipientKind) {
}
