package io.proposalflow.proposal.persistence;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.platform.persistence.AggregateDocument;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalState;

/**
 * A {@link Proposal} as stored: its state, its pending events (outbox) and the events it consumed, in
 * one document, so a change and its events are one atomic write.
 *
 * <p>The state is the domain's {@link ProposalState}, unwrapped: each of its components is a top-level
 * field of the document under its own name ({@code content}, {@code status}, {@code history}, ...), the
 * layout documents had before the record was mapped directly, so they load unchanged. A new component
 * needs no edit here; {@code ProposalDocumentMappingTest} checks that it survives the round trip.
 */
@Document(ProposalDocument.COLLECTION)
public class ProposalDocument extends AggregateDocument {

    public static final String COLLECTION = "proposals";

    @Id
    private String id;

    @Unwrapped.Nullable
    private ProposalState state;

    public static ProposalDocument of(Proposal proposal, EventCodec codec) {
        ProposalDocument document = new ProposalDocument();
        document.apply(proposal, codec);
        return document;
    }

    public Proposal toDomain() {
        return Proposal.restore(UUID.fromString(id), getVersion(), state);
    }

    /** Takes over the proposal's state and queues the events of its changes, to be saved together. */
    public void apply(Proposal proposal, EventCodec codec) {
        id = proposal.id().toString();
        state = proposal.state();
        proposal.pendingEvents().forEach(event -> enqueue(EventEnvelope.of(event), codec));
    }

    public String getId() {
        return id;
    }

    public ProposalState state() {
        return state;
    }
}
