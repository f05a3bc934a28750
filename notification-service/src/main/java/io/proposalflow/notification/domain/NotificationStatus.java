package io.proposalflow.notification.domain;

/**
 * PENDING waits for the dispatcher; SENDING is claimed by one dispatcher (with a lease); SENT and FAILED
 * are final until a coordinator resends a FAILED one; CANCELLED is a pending mail whose recipient was erased.
 */
public enum NotificationStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    CANCELLED
}
