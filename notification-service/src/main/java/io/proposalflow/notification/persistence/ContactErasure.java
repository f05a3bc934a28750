package io.proposalflow.notification.persistence;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.platform.errors.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Erases a contact person (right to erasure): their entries in the delivery log are anonymised first,
 * the erasure is recorded (who, when, the contact's id only), and only then is the contact removed from
 * the directory. In this order a failure half-way can simply be repeated: the contact is still there.
 */
@Component
public class ContactErasure {

    private final PartnerRepository partners;
    private final NotificationStore notifications;
    private final ErasureRepository erasures;
    private final Clock clock = Clock.systemUTC();

    public ContactErasure(PartnerRepository partners, NotificationStore notifications, ErasureRepository erasures) {
        this.partners = partners;
        this.notifications = notifications;
        this.erasures = erasures;
    }

    public Mono<ErasureDocument> erase(String organisationId, String contactId, String erasedBy) {
        return partners.findById(organisationId)
                .filter(partner -> partner.contact(contactId).isPresent())
                .switchIfEmpty(Mono.error(NotFoundException.of("contact", contactId)))
                .flatMap(partner -> notifications.anonymise(RecipientKind.PARTNER, contactId)
                        .flatMap(count -> erasures.insert(new ErasureDocument(UUID.randomUUID().toString(),
                                organisationId, contactId, erasedBy, clock.instant(), count)))
                        .flatMap(erasure -> {
                            partner.removeContact(contactId);
                            return partners.save(partner).thenReturn(erasure);
                        }));
    }
}
