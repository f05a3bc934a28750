package io.proposalflow.notification.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Proof that a contact person was erased: who did it and when, naming the contact only by its id.
 *
 * @param erasedBy user id of the coordinator
 */
@Document("erasures")
public record ErasureDocument(@Id String id, String organisationId, String contactId, String erasedBy,
        Instant erasedAt, long anonymisedNotifications) {
}
