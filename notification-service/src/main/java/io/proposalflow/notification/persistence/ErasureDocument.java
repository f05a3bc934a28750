package io.proposalflow.notification.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Erasure;

/**
 * Proof that a recipient was erased: who did it and when, naming them only by their id.
 *
 * @param organisationId the partner organisation of a contact person; null for a reviewer or focus group
 * @param contactId      contact person id, reviewer id or focus group key (Themenfeld)
 * @param erasedBy       user id of the coordinator, or "retention" when the retention period erased it
 * @param recipientKind  PARTNER, REVIEWER or FOCUS_GROUP; null in records from before reviewers and
 *                       focus groups could be erased (then PARTNER)
 */
@Document("erasures")
public record ErasureDocument(@Id String id, String organisationId, String contactId, String erasedBy,
        Instant erasedAt, long anonymisedNotifications, RecipientKind recipientKind) {

    public Erasure toErasure() {
        return new Erasure(id, organisationId, contactId, erasedBy, erasedAt, anonymisedNotifications,
                recipientKind == null ? RecipientKind.PARTNER : recipientKind);
    }
}
