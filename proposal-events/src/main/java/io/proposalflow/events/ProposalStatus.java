package io.proposalflow.events;

public enum ProposalStatus {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    FUNDING_APPLIED,
    FUNDED,
    FUNDING_DENIED,
    WITHDRAWN
}
