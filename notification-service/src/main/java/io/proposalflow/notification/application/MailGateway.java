package io.proposalflow.notification.application;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;

/**
 * The way out for a mail: renders it and hands it to the mail server (SMTP, in
 * {@code messaging.mail}). The dispatcher decides what is sent when and records the outcome.
 */
public interface MailGateway {

    /** False while the mail server is taken to be away (its circuit breaker is open): nothing is claimed then. */
    boolean acceptsMail();

    /**
     * Renders and sends one mail; returns once the server has accepted it.
     *
     * @throws PermanentRejection when the server refused it for good or the address cannot be used
     * @throws NotAttempted       when the server was not asked at all (the breaker opened meanwhile)
     * @throws RuntimeException   any other failure: transient, worth another attempt later
     */
    void send(OutgoingMail mail);

    /**
     * One mail to one recipient.
     *
     * @param notificationId also the mail's Message-ID, the same at every attempt
     */
    record OutgoingMail(String notificationId, MailFacts facts, RecipientKind recipientKind, String recipientName,
            String email, Language language) {
    }

    /** The server was not asked: no attempt to count. */
    class NotAttempted extends RuntimeException {
        public NotAttempted(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
