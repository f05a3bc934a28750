package io.proposalflow.events;

import java.util.UUID;

/**
 * Published by notification-service on {@value Topics#NOTIFICATION_EVENTS}. Names the recipient's
 * organisation at most; contact names and email addresses never leave notification-service.
 */
public sealed interface NotificationEvent extends DomainEvent permits NotificationSent, NotificationFailed {

    UUID notificationId();

    /** CloudEvents id of the event that caused the notification. */
    String sourceEventId();

    String sourceEventType();

    RecipientKind recipientKind();

    int attempts();
}
