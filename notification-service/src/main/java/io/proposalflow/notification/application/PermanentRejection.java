package io.proposalflow.notification.application;

/**
 * The mail server refused this mail for good (an SMTP 5xx reply: unknown mailbox, invalid address,
 * message refused), or the mail could not even be addressed. Trying again would meet the same answer,
 * so the notification fails at once with this reason. It says nothing about the server's health: the
 * circuit breaker and the quick retries ignore it (application.yml), so one bad address among good
 * ones neither pauses all mail nor is tried again.
 */
public class PermanentRejection extends RuntimeException {

    public PermanentRejection(String message, Throwable cause) {
        super(message, cause);
    }
}
