package io.proposalflow.proposal.persistence;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.proposal.domain.Delivery;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.HistoryKind;

/**
 * A delivery notification-service reported for a proposal, kept beside the proposal rather than in
 * it: deliveries arrive by the dozen after every step, and writing them into the proposal would
 * change its version each time, so a user who had just read the proposal would be refused as
 * "changed by someone else" although nothing they see had changed. The id is the event's id, so a
 * redelivered event is a duplicate key and changes nothing (ADR 0008).
 *
 * <p>The delivery is stored as reported (step, recipient kind, organisation, outcome) and summarised
 * per step when the history is read, so the summary can change without migrating anything. Documents
 * written before that hold a finished history line in {@code entry} instead.
 */
@Document(DeliveryDocument.COLLECTION)
public class DeliveryDocument {

    public static final String COLLECTION = "proposal_deliveries";

    /** How the old lines named an organisation: "Stiftung Neuerkerode (stiftung-neuerkerode)". */
    private static final Pattern NAME_AND_ID = Pattern.compile("(.+) \\(([a-z0-9-]+)\\)");

    @Id
    private String eventId;
    private String proposalId;
    private Delivery delivery;
    /** Only in documents written before deliveries were summarised per step; never written now. */
    private HistoryEntry entry;

    protected DeliveryDocument() {
    }

    public DeliveryDocument(String eventId, String proposalId, Delivery delivery) {
        this.eventId = eventId;
        this.proposalId = proposalId;
        this.delivery = delivery;
    }

    public String getEventId() {
        return eventId;
    }

    public String getProposalId() {
        return proposalId;
    }

    /** The delivery; for an old document, what its history line still tells (no step, no mail id). */
    public Delivery toDelivery() {
        if (delivery != null) {
            return delivery;
        }
        boolean delivered = entry.what() == HistoryKind.NOTIFICATION_SENT;
        String note = entry.note() == null ? "" : entry.note();
        if (Arrays.stream(RecipientKind.values()).anyMatch(kind -> kind.name().equals(note))) {
            return new Delivery(null, null, null, RecipientKind.valueOf(note), null, null, delivered, entry.at());
        }
        Matcher nameAndId = NAME_AND_ID.matcher(note);
        return nameAndId.matches()
                ? new Delivery(null, null, null, RecipientKind.PARTNER, nameAndId.group(2), nameAndId.group(1),
                        delivered, entry.at())
                : new Delivery(null, null, null, RecipientKind.PARTNER, note, null, delivered, entry.at());
    }
}
