package io.proposalflow.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.notification.persistence.PartnerRepository;
import io.proposalflow.platform.persistence.RetentionRun;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes personal data once its retention period is over (issue 15, ADR 18, docs/datenschutz.md):
 * <ul>
 * <li>delivery records (notifications, with name and address) created longer ago than
 * {@code notification.retention.deliveries}; a mail still waiting or being sent is left alone;</li>
 * <li>the contact persons of a partner organisation that left the programme (its {@code leftOn} date)
 * longer ago than {@code notification.retention.contacts-after-leaving}: erased as the coordination
 * would erase them (their delivery log anonymised, the erasure recorded with {@code erasedBy} =
 * {@value #ERASED_BY}).</li>
 * </ul>
 * Each run finds what is due at its clock's time, so running it twice changes nothing the second time.
 */
@Component
public class DataRetention {

    /** The erasure record's author when the retention period, not a person, erased a contact. */
    public static final String ERASED_BY = "retention";

    private final NotificationStore notifications;
    private final PartnerRepository partners;
    private final ContactErasure erasure;
    private final Duration deliveries;
    private final Duration contactsAfterLeaving;
    private final Clock clock;

    public DataRetention(NotificationStore notifications, PartnerRepository partners, ContactErasure erasure,
            @Value("${notification.retention.deliveries:365d}") Duration deliveries,
            @Value("${notification.retention.contacts-after-leaving:90d}") Duration contactsAfterLeaving,
            Clock clock) {
        this.notifications = notifications;
        this.partners = partners;
        this.erasure = erasure;
        this.deliveries = deliveries;
        this.contactsAfterLeaving = contactsAfterLeaving;
        this.clock = clock;
    }

    /** What one run removed. */
    public record Result(long deliveriesDeleted, long contactsErased) {
    }

    @Scheduled(initialDelayString = "${notification.retention.check-interval:1h}",
            fixedDelayString = "${notification.retention.check-interval:1h}")
    void scheduled() {
        // contacts first: their erasure anonymises records the deletion might otherwise have kept
        RetentionRun.runLogged("contacts of partner organisations that left the programme more than "
                + contactsAfterLeaving.toDays() + " days ago (erased)", this::eraseContactsOfLeavers);
        RetentionRun.runLogged("delivery records older than " + deliveries.toDays() + " days",
                this::deleteOldDeliveries);
    }

    /** One run at the clock's time, both parts in their order. */
    public Mono<Result> run() {
        return eraseContactsOfLeavers().flatMap(erased -> deleteOldDeliveries()
                .map(deleted -> new Result(deleted, erased)));
    }

    private Mono<Long> eraseContactsOfLeavers() {
        LocalDate leftBefore = LocalDate.ofInstant(clock.instant().minus(contactsAfterLeaving), ZoneOffset.UTC);
        return partners.findAll()
                .filter(p -> p.getLeftOn() != null && p.getLeftOn().isBefore(leftBefore) && !p.getContacts().isEmpty())
                .concatMap(p -> Flux.fromIterable(p.getContacts())
                        .concatMap(c -> erasure.erase(p.getId(), c.id(), ERASED_BY)))
                .count();
    }

    private Mono<Long> deleteOldDeliveries() {
        return notifications.deleteSettledCreatedBefore(clock.instant().minus(deliveries));
    }
}
