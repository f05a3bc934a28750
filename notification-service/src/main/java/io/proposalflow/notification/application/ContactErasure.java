package io.proposalflow.notification.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Erasure;
import io.proposalflow.notification.persistence.ErasureDocument;
import io.proposalflow.notification.persistence.ErasureRepository;
import io.proposalflow.notification.persistence.FocusGroupRepository;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.notification.persistence.PartnerRepository;
import io.proposalflow.notification.persistence.ReviewerRepository;
import io.proposalflow.platform.errors.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Erases a recipient (right to erasure): a partner's contact person, a reviewer's address or a focus
 * group's address. Their entries in the delivery log are anonymised first and every one not yet sent is
 * cancelled (waiting, being sent, failed: none is sent or resent afterwards); the erasure is recorded
 * (who, when, the recipient's id only); then they are removed from the directory; and the delivery log
 * is swept once more, for notifications a planner created from the directory while this ran. In this
 * order a failure half-way can simply be repeated. A notification created later still by a planner
 * that read the directory before the removal is cancelled by the dispatcher, which checks a partner
 * contact's erasure record before sending (contact ids are never reused).
 */
@Component
public class ContactErasure {

    private final PartnerRepository partners;
    private final ReviewerRepository reviewers;
    private final FocusGroupRepository focusGroups;
    private final NotificationStore notifications;
    private final ErasureRepository erasures;
    private final Clock clock;

    public ContactErasure(PartnerRepository partners, ReviewerRepository reviewers, FocusGroupRepository focusGroups,
            NotificationStore notifications, ErasureRepository erasures, Clock clock) {
        this.clock = clock;
        this.partners = partners;
        this.reviewers = reviewers;
        this.focusGroups = focusGroups;
        this.notifications = notifications;
        this.erasures = erasures;
    }

    public Mono<Erasure> erase(String organisationId, String contactId, String erasedBy) {
        return partners.findById(organisationId)
                .filter(partner -> partner.contact(contactId).isPresent())
                .switchIfEmpty(Mono.error(NotFoundException.of("contact", contactId)))
                .flatMap(found -> erase(RecipientKind.PARTNER, organisationId, contactId, erasedBy,
                        partners.findById(organisationId).flatMap(partner -> {
                            partner.removeContact(contactId);
                            return partners.save(partner);
                        }).then()));
    }

    public Mono<Erasure> eraseReviewer(String reviewerId, String erasedBy) {
        return reviewers.findById(reviewerId)
                .switchIfEmpty(Mono.error(NotFoundException.of("reviewer", reviewerId)))
                .flatMap(found -> erase(RecipientKind.REVIEWER, null, reviewerId, erasedBy,
                        reviewers.deleteById(reviewerId)));
    }

    public Mono<Erasure> eraseFocusGroup(String themenfeld, String erasedBy) {
        return focusGroups.findById(themenfeld)
                .switchIfEmpty(Mono.error(NotFoundException.of("focus group address", themenfeld)))
                .flatMap(found -> erase(RecipientKind.FOCUS_GROUP, null, themenfeld, erasedBy,
                        focusGroups.deleteById(themenfeld)));
    }

    private Mono<Erasure> erase(RecipientKind kind, String organisationId, String recipientId,
            String erasedBy, Mono<Void> removeFromDirectory) {
        return notifications.anonymise(kind, recipientId)
                .flatMap(count -> erasures.insert(new ErasureDocument(UUID.randomUUID().toString(), organisationId,
                        recipientId, erasedBy, clock.instant(), count, kind)))
                .flatMap(erasure -> removeFromDirectory
                        .then(notifications.anonymise(kind, recipientId))
                        .thenReturn(erasure.toErasure()));
    }
}
