package io.proposalflow.notification.api;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.Nullable;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.Notification;
import io.proposalflow.notification.domain.NotificationState;

/** One entry of the delivery log, with its attempts; for coordinators only. */
public record NotificationResponse(
        String id,
        String proposalId,
        String proposalTitle,
        MailKind kind,
        String sourceEventId,
        String sourceEventType,
        RecipientKind recipientKind,
        String recipientId,
        @Nullable String organisationId,
        @Nullable String organisationName,
        String recipientName,
        String email,
        Language language,
        NotificationStatus status,
        List<AttemptResponse> attempts,
        Instant createdAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant sentAt,
        @Nullable String lastError) {

    public record AttemptResponse(Instant at, boolean delivered, @Nullable String error) {
    }

    static NotificationResponse of(Notification notification) {
        NotificationState n = notification.state();
        return new NotificationResponse(notification.id(), n.proposalId(), n.facts().title(), n.facts().kind(),
                n.sourceEventId(), n.sourceEventType(), n.recipientKind(), n.recipientId(),
                n.organisationId(), n.organisationName(), n.recipientName(), n.email(), n.language(),
                n.status(),
                n.attempts().stream().map(a -> new AttemptResponse(a.at(), a.delivered(), a.error())).toList(),
                n.createdAt(), n.nextAttemptAt(), n.sentAt(), n.lastError());
    }
}
