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

    /**
     * Dispatches to the handler's method for this event's type. A new event type must implement this,
     * which needs a new {@code on} overload in {@link Handler}: every handler then stops compiling until
     * it says what the new type means to it (docs/adr/0019-aggregates-emit-wire-records.md).
     */
    <R> R accept(Handler<R> handler);

    /** One method per event type of this family; consumers implement it instead of testing types. */
    interface Handler<R> {

        R on(NotificationSent event);

        R on(NotificationFailed event);
    }
}
