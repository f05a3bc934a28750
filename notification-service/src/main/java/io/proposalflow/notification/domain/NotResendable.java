package io.proposalflow.notification.domain;

/** A coordinator asked to resend a notification that is not FAILED, or whose recipient was erased. */
public class NotResendable extends RuntimeException {

    private final NotificationStatus currentStatus;

    public NotResendable(String message, NotificationStatus currentStatus) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public NotificationStatus currentStatus() {
        return currentStatus;
    }
}
