package io.proposalflow.notification.domain;

/** The kinds of mail this service writes; each has its subject, intro and next step in the templates. */
public enum MailKind {
    SUBMITTED,
    RESUBMITTED,
    WITHDRAWN,
    STATUS_CHANGED,
    FUNDING_UPDATED,
    REVIEW_ASSIGNED,
    REVIEW_REMINDER,
    REVIEW_OVERDUE,
    REVIEW_COMPLETED
}
