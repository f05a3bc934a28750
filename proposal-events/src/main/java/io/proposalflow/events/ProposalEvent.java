package io.proposalflow.events;

/** Published by proposal-service on {@value Topics#PROPOSAL_EVENTS}. */
public sealed interface ProposalEvent extends DomainEvent
        permits ProposalDrafted, ProposalSubmitted, ProposalResubmitted, ProposalWithdrawn,
        ProposalStatusChanged, FundingApplicationUpdated {

    /** Version of the proposal after the change; consumers skip versions they have already seen. */
    long version();
}
