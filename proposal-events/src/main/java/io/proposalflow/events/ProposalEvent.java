package io.proposalflow.events;

/** Published by proposal-service on {@value Topics#PROPOSAL_EVENTS}. */
public sealed interface ProposalEvent extends DomainEvent
        permits ProposalDrafted, ProposalSubmitted, ProposalResubmitted, ProposalWithdrawn,
        ProposalStatusChanged, FundingApplicationUpdated {

    /** Version of the proposal after the change; consumers skip versions they have already seen. */
    long version();

    /**
     * Dispatches to the handler's method for this event's type. A new event type must implement this,
     * which needs a new {@code on} overload in {@link Handler}: every handler then stops compiling until
     * it says what the new type means to it (docs/adr/0019-aggregates-emit-wire-records.md).
     */
    <R> R accept(Handler<R> handler);

    /** One method per event type of this family; consumers implement it instead of testing types. */
    interface Handler<R> {

        R on(ProposalDrafted event);

        R on(ProposalSubmitted event);

        R on(ProposalResubmitted event);

        R on(ProposalWithdrawn event);

        R on(ProposalStatusChanged event);

        R on(FundingApplicationUpdated event);
    }
}
