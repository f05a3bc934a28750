package io.proposalflow.notification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A partner organisation of the directory; the id is the organisation slug used in events.
 *
 * @param leftOn  the day the organisation left the programme (null: it takes part); its contacts are
 *                erased a retention period later
 * @param version the stored version, for the API's readers
 */
public record Partner(String id, String name, List<Contact> contacts, LocalDate leftOn, Long version) {

    public Partner {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public Optional<Contact> contact(String contactId) {
        return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }
}
