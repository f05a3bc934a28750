package io.proposalflow.platform.security;

/**
 * The three roles of the system (docs/security.md has what each may do). As Spring authorities they are {@code ROLE_FOCUS_GROUP}, ... so that
 * {@code @PreAuthorize("hasRole('COORDINATOR')")} reads as the rule it enforces.
 */
public enum Role {
    /** A member of one focus group: drafts, submits, withdraws and reads that group's proposals. */
    FOCUS_GROUP,
    /** Reads and decides the review cases assigned to them. */
    REVIEWER,
    /** Reads everything; manages funding status, panels, partners and key figures. */
    COORDINATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
