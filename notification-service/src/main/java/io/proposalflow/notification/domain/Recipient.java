package io.proposalflow.notification.domain;

import io.proposalflow.events.RecipientKind;

/**
 * One person or address a mail goes to.
 *
 * @param recipientId      contact person id, focus group key (Themenfeld) or reviewer id
 * @param organisationId   partner organisation slug; null for focus groups and reviewers
 * @param organisationName partner organisation name; null for focus groups and reviewers
 */
public record Recipient(RecipientKind kind, String recipientId, String organisationId, String organisationName,
        String name, String email, Language language) {
}
