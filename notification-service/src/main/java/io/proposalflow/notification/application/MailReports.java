package io.proposalflow.notification.application;

import io.proposalflow.events.NotificationEvent;

/**
 * Where the report of a sent mail ({@code NotificationSent}) goes straight to its topic, before the
 * mail's record is written (see {@link NotificationDispatcher#recordSent}).
 */
public interface MailReports {

    /**
     * Publishes the report and waits for the broker's acknowledgement, briefly.
     *
     * @return true once the broker has it; false when it could not be published now (the caller then
     *         saves it with the record, in the outbox, as every other event)
     */
    boolean publish(NotificationEvent report);
}
