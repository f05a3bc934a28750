package io.proposalflow.notification.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.notification.domain.Address;
import io.proposalflow.notification.domain.Language;

/** A reviewer's address; the id is the reviewer id used in review events (the user name). */
@Document("reviewers")
public record ReviewerDocument(@Id String id, String name, String email, Language language) {

    public Address toAddress() {
        return new Address(id, name, email, language);
    }
}
