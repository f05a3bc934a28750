package io.proposalflow.events;

import java.util.UUID;

/**
 * Delivery given up after {@code attempts} tries.
 *
 * @param reason technical cause; must not contain an email address
 */
public record NotificationFailed(UUID notificationId, UUID proposalId, String sourceEventId, String sourceEventType,
        RecipientKind recipientKind, @Nullable String organisationId, @Nullable String organisationName, int attempts,
        String reason) implements NotificationEvent {
    @Override
    public <R> R accept(NotificationEvent.Handler<R> handler) {
        return handler.on(this);
    }
}
