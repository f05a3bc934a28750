package io.proposalflow.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.Address;
import io.proposalflow.notification.domain.Contact;
import io.proposalflow.notification.domain.Erasure;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.Notification;
import io.proposalflow.notification.domain.Partner;
import io.proposalflow.notification.persistence.ErasureDocument;
import io.proposalflow.notification.persistence.ErasureRepository;
import io.proposalflow.notification.persistence.FocusGroupDocument;
import io.proposalflow.notification.persistence.FocusGroupRepository;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.notification.persistence.PartnerDocument;
import io.proposalflow.notification.persistence.PartnerRepository;
import io.proposalflow.notification.persistence.ReviewerDocument;
import io.proposalflow.notification.persistence.ReviewerRepository;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.web.PageQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The recipient directory: the only place in the system with names and addresses of people (partner
 * organisations with their contact persons, focus groups' and reviewers' addresses), the record of
 * erasures and what is stored about one contact person.
 */
@Component
public class Directory {

    private static final Sort BY_ID = Sort.by("id");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "erasedAt").and(BY_ID);

    private final PartnerRepository partners;
    private final FocusGroupRepository focusGroups;
    private final ReviewerRepository reviewers;
    private final ErasureRepository erasures;
    private final NotificationStore notifications;
    private final Clock clock;

    public Directory(PartnerRepository partners, FocusGroupRepository focusGroups, ReviewerRepository reviewers,
            ErasureRepository erasures, NotificationStore notifications, Clock clock) {
        this.partners = partners;
        this.focusGroups = focusGroups;
        this.reviewers = reviewers;
        this.erasures = erasures;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Everything stored about one contact person (DSGVO Art. 15 and 20): the directory entry (empty
     * once erased), every notification to them, and the record of their erasure.
     */
    public record ContactData(Instant exportedAt, String organisationId, String organisationName, String contactId,
            Optional<Contact> contact, List<Notification> deliveries, List<Erasure> erasures) {
    }

    // --- partner organisations and their contact persons ---

    public Flux<Partner> partners(PageQuery page) {
        return partners.findAllBy(page.pageable(BY_ID)).map(PartnerDocument::toPartner);
    }

    /** Ids and names for everybody signed in: by name. */
    public Flux<Partner> organisationsByName(PageQuery page) {
        return partners.findAllBy(PageRequest.of(page.page(), page.size(), Sort.by("name", "_id")))
                .map(PartnerDocument::toPartner);
    }

    public Mono<Long> partnerCount() {
        return partners.count();
    }

    public Mono<Partner> partner(String organisationId) {
        return existingPartner(organisationId).map(PartnerDocument::toPartner);
    }

    /** Creates or renames an organisation, and records the day it left (null: it takes part). */
    public Mono<Partner> putPartner(String organisationId, String name, LocalDate leftOn) {
        return partners.findById(organisationId)
                .defaultIfEmpty(new PartnerDocument(organisationId, name))
                .flatMap(p -> {
                    p.setName(name);
                    p.setLeftOn(leftOn);
                    return partners.save(p);
                })
                .map(PartnerDocument::toPartner);
    }

    /** Adds a contact person under a new id. */
    public Mono<Contact> addContact(String organisationId, String name, String email, Language language) {
        return putContact(organisationId, new Contact(UUID.randomUUID().toString(), name, email, language), false);
    }

    /** Changes an existing contact person. */
    public Mono<Contact> updateContact(String organisationId, Contact contact) {
        return putContact(organisationId, contact, true);
    }

    public Mono<Contact> contact(String organisationId, String contactId) {
        return existingPartner(organisationId)
                .flatMap(p -> Mono.justOrEmpty(p.contact(contactId)))
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("contact", contactId)));
    }

    /** What is stored about a contact person, also after their erasure; not found when nothing is. */
    public Mono<ContactData> export(String organisationId, String contactId) {
        Mono<Optional<PartnerDocument>> partner = partners.findById(organisationId)
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(partner,
                notifications.findByRecipient(RecipientKind.PARTNER, contactId)
                        .filter(n -> organisationId.equals(n.getOrganisationId()))
                        .map(NotificationDocument::toDomain).collectList(),
                erasures.findByContactId(contactId).filter(e -> organisationId.equals(e.organisationId()))
                        .map(ErasureDocument::toErasure).collectList())
                .flatMap(t -> {
                    Optional<Contact> contact = t.getT1().flatMap(p -> p.contact(contactId));
                    if (contact.isEmpty() && t.getT2().isEmpty() && t.getT3().isEmpty()) {
                        return Mono.error(NotFoundException.of("contact", contactId));
                    }
                    return Mono.just(new ContactData(clock.instant(), organisationId,
                            t.getT1().map(PartnerDocument::getName).orElse(null), contactId, contact, t.getT2(),
                            t.getT3()));
                });
    }

    // --- erasures ---

    public Flux<Erasure> erasures(PageQuery page) {
        return erasures.findAllBy(page.pageable(NEWEST_FIRST)).map(ErasureDocument::toErasure);
    }

    public Mono<Long> erasureCount() {
        return erasures.count();
    }

    // --- focus groups and reviewers ---

    public Flux<Address> focusGroups(PageQuery page) {
        return focusGroups.findAllBy(page.pageable(BY_ID)).map(FocusGroupDocument::toAddress);
    }

    public Mono<Long> focusGroupCount() {
        return focusGroups.count();
    }

    public Mono<Address> putFocusGroup(Themenfeld themenfeld, String name, String email, Language language) {
        return focusGroups.save(new FocusGroupDocument(themenfeld.name(), name, email, language))
                .map(FocusGroupDocument::toAddress);
    }

    public Flux<Address> reviewers(PageQuery page) {
        return reviewers.findAllBy(page.pageable(BY_ID)).map(ReviewerDocument::toAddress);
    }

    public Mono<Long> reviewerCount() {
        return reviewers.count();
    }

    public Mono<Address> putReviewer(String reviewerId, String name, String email, Language language) {
        return reviewers.save(new ReviewerDocument(reviewerId, name, email, language)).map(ReviewerDocument::toAddress);
    }

    private Mono<Contact> putContact(String organisationId, Contact contact, boolean mustExist) {
        return existingPartner(organisationId)
                .flatMap(p -> {
                    if (mustExist && p.contact(contact.id()).isEmpty()) {
                        return Mono.error(NotFoundException.of("contact", contact.id()));
                    }
                    p.putContact(contact);
                    return partners.save(p);
                })
                .thenReturn(contact);
    }

    private Mono<PartnerDocument> existingPartner(String organisationId) {
        return partners.findById(organisationId)
                .switchIfEmpty(Mono.error(NotFoundException.of("partner organisation", organisationId)));
    }
}
