package io.proposalflow.events;

/** What one reviewer decides. */
public enum ReviewDecision {
    APPROVE,
    REJECT,
    REQUEST_CHANGES
}
