package io.proposalflow.proposal.domain;

public enum HistoryKind {
    DRAFTED,
    EDITED,
    SUBMITTED,
    RESUBMITTED,
    WITHDRAWN,
    REVIEW_OPENED,
    REVIEW_COMPLETED,
    FUNDING_UPDATED,
    NOTIFICATION_SENT,
    NOTIFICATION_FAILED
}
