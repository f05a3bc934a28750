package io.proposalflow.notification.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.ProposalSnapshot;

/**
 * This service's copy of a proposal, built from events.
 *
 * @param proposalVersion the proposal's version of the last proposal event applied; older events are ignored
 */
@Document("proposals")
public record ProposalDocument(@Id String id, String title, Themenfeld themenfeld, List<String> partnerIds,
        Instant reviewDueAt, long proposalVersion) {

    /** Whether the proposal's own events have arrived (a review event may have created the copy first). */
    public boolean hasContent() {
        return title != null;
    }

    public ProposalSnapshot snapshot() {
        return new ProposalSnapshot(id, title, themenfeld, partnerIds, reviewDueAt);
    }
}
