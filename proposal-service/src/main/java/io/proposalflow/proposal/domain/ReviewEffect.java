package io.proposalflow.proposal.domain;

/**
 * What a review event did. Events of an older round, or ones that arrive when the proposal has
 * moved on (withdrawn, already decided), are ignored rather than refused: they are normal in an
 * event-driven system and must not end up in a dead-letter topic.
 */
public enum ReviewEffect {
    APPLIED,
    IGNORED
}
