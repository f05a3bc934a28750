package io.proposalflow.events;

import java.util.UUID;

/** @param organisationId slug of the recipient's organisation; null for focus groups and reviewers */
public record NotificationSent(UUID notificationId, UUID proposalId, String sourceEventId, String sourceEventType,
        RecipientKind recipientKind, @Nullable String organisationId, @Nullable String organisationName, int attempts)
        implements NotificationEvent {
    @Override
    public <R> R accept(NotificationEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
