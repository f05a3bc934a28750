package io.proposalflow.notification.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.notification.domain.Address;
import io.proposalflow.notification.domain.Language;

/** The contact address of one focus group; the id is the Themenfeld key (e.g. HEALTH). */
@Document("focusGroups")
public record FocusGroupDocument(@Id String id, String name, String email, Language language) {

    public Address toAddress() {
        return new Address(id, name, email, language);
    }
}
