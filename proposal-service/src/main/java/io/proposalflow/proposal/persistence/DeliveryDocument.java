package io.proposalflow.proposal.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.proposal.domain.HistoryEntry;

/**
 * A delivery notification-service reported for a proposal, kept beside the proposal rather than in
 * it: deliveries arrive by the dozen after every step, and writing them into the proposal would
 * change its version each time, so a user who had just read the proposal would be refused as
 * "changed by someone else" although nothing they see had changed. The id is the event's id, so a
 * redelivered event is a duplicate key and changes nothing.
 */
@Document(DeliveryDocument.COLLECTION)
public class DeliveryDocument {

    public static final String COLLECTION = "proposal_deliveries";

    @Id
    private String eventId;
    private String proposalId;
    private HistoryEntry entry;

    protected DeliveryDocument() {
    }

    public DeliveryDocument(String eventId, String proposalId, HistoryEntry entry) {
        this.eventId = eventId;
        this.proposalId = proposalId;
        this.entry = entry;
    }

    public String getEventId() {
        return eventId;
    }

    public String getProposalId() {
        return proposalId;
    }

    public HistoryEntry getEntry() {
        return entry;
    }

    public Instant at() {
        return entry.at();
    }
}
