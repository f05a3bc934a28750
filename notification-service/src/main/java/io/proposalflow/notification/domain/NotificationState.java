package io.proposalflow.notification.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.RecipientKind;

/**
 * Everything a notification is, besides its id: one mail to one recipient, caused by one event, with
 * its delivery attempts. The one place of a notification's state: the aggregate ({@link Notification})
 * changes it, the store keeps it (each component a field of the stored document under its own name),
 * the delivery log shows it.
 *
 * @param sourceEventId  CloudEvents id of the event that caused the mail
 * @param failedAttempts failed attempts since creation or the last resend; compared with the delivery policy
 * @param leaseUntil     while SENDING: until when the dispatcher that claimed it holds it
 * @param traceparent    W3C trace context of the event that caused the mail; the dispatcher, which sends
 *                       later on its own thread, continues that trace (null in notifications from before it)
 */
public record NotificationState(String proposalId, String sourceEventId, String sourceEventType,
        RecipientKind recipientKind, String recipientId, String organisationId, String organisationName,
        String recipientName, String email, Language language, MailFacts facts, NotificationStatus status,
        int failedAttempts, List<Attempt> attempts, Instant createdAt, Instant nextAttemptAt, Instant leaseUntil,
        Instant sentAt, String lastError, String traceparent) {

    public NotificationState {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    NotificationState with(NotificationStatus newStatus, int newFailedAttempts, List<Attempt> newAttempts,
            Instant newNextAttemptAt, Instant newLeaseUntil, Instant newSentAt, String newLastError) {
        return new NotificationState(proposalId, sourceEventId, sourceEventType, recipientKind, recipientId,
                organisationId, organisationName, recipientName, email, language, facts, newStatus, newFailedAttempts,
                newAttempts, createdAt, newNextAttemptAt, newLeaseUntil, newSentAt, newLastError, traceparent);
    }

    /** The same, held by a dispatcher until {@code until}: claimed (SENDING). */
    public NotificationState claimedUntil(Instant until) {
        return with(NotificationStatus.SENDING, failedAttempts, attempts, nextAttemptAt, until, sentAt, lastError);
    }

    /** The same, held until {@code until} (a renewed lease). */
    public NotificationState withLeaseUntil(Instant until) {
        return with(status, failedAttempts, attempts, nextAttemptAt, until, sentAt, lastError);
    }

    /** The same, continuing the trace {@code value}. */
    public NotificationState withTraceparent(String value) {
        return new NotificationState(proposalId, sourceEventId, sourceEventType, recipientKind, recipientId,
                organisationId, organisationName, recipientName, email, language, facts, status, failedAttempts,
                attempts, createdAt, nextAttemptAt, leaseUntil, sentAt, lastError, value);
    }
}
