package io.proposalflow.events;

public enum RecipientKind {
    PARTNER,
    FOCUS_GROUP,
    REVIEWER
}
