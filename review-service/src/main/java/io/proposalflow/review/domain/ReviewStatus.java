package io.proposalflow.review.domain;

/** Where a review case stands. COMPLETED and CANCELLED are final ("closed"). */
public enum ReviewStatus {
    /** Opened, but the panel had too few reviewers free of conflicts; waits for a coordinator. */
    UNASSIGNED,
    /** Reviewers assigned; decisions may be recorded and revised. */
    OPEN,
    /** Every assigned reviewer decided; the outcome is final. */
    COMPLETED,
    /** The proposal was withdrawn while the case was open. */
    CANCELLED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
