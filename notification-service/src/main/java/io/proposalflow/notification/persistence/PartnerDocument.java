package io.proposalflow.notification.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.notification.domain.Contact;
import io.proposalflow.notification.domain.Partner;

/** A partner organisation and its contact persons; the id is the organisation slug used in events. */
@Document("partners")
public class PartnerDocument {

    @Id
    private String id;
    private String name;
    private List<Contact> contacts = new ArrayList<>();
    /** The day the organisation left the programme; its contacts are erased a retention period later. */
    private java.time.LocalDate leftOn;
    @Version
    private Long version;

    public PartnerDocument() {
    }

    public PartnerDocument(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public Partner toPartner() {
        return new Partner(id, name, contacts, leftOn, version);
    }

    public Optional<Contact> contact(String contactId) {
        return contacts.stream().filter(c -> c.id().equals(contactId)).findFirst();
    }

    public void putContact(Contact contact) {
        removeContact(contact.id());
        contacts.add(contact);
    }

    public boolean removeContact(String contactId) {
        return contacts.removeIf(c -> c.id().equals(contactId));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Contact> getContacts() { return contacts; }
    public void setContacts(List<Contact> contacts) { this.contacts = contacts == null ? new ArrayList<>() : new ArrayList<>(contacts); }
    public java.time.LocalDate getLeftOn() { return leftOn; }
    public void setLeftOn(java.time.LocalDate leftOn) { this.leftOn = leftOn; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
