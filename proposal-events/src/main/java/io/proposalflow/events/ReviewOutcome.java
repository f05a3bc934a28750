package io.proposalflow.events;

/** What the review case as a whole concludes. */
public enum ReviewOutcome {
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED
}
