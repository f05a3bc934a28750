package io.proposalflow.notification.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.RecipientKind;

/** One entry of the delivery log as the coordination reads it: one mail to one recipient, and its attempts. */
public record DeliveryRecord(String id, String proposalId, MailFacts facts, String sourceEventId,
        String sourceEventType, RecipientKind recipientKind, String recipientId, String organisationId,
        String organisationName, String recipientName, String email, Language language, NotificationStatus status,
        List<Attempt> attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

    public DeliveryRecord {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
