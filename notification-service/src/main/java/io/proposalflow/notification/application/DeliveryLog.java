package io.proposalflow.notification.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.proposalflow.notification.domain.DeliveryRecord;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationFilter;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.web.PageQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery log: what was sent to whom, what failed, and resending what failed. */
@Component
public class DeliveryLog {

    private final NotificationStore store;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    public DeliveryLog(NotificationStore store, NotificationDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** One page, newest first; a null filter value means "any". */
    public Flux<DeliveryRecord> find(String proposalId, String organisationId, NotificationStatus status,
            PageQuery page) {
        return store.find(new NotificationFilter(proposalId, organisationId, status), page)
                .map(NotificationDocument::toRecord);
    }

    public Mono<Long> count(String proposalId, String organisationId, NotificationStatus status) {
        return store.count(new NotificationFilter(proposalId, organisationId, status));
    }

    public Mono<DeliveryRecord> get(String id) {
        return found(id).map(NotificationDocument::toRecord);
    }

    /**
     * Gives a FAILED notification another round of attempts and asks the dispatcher to start.
     *
     * @throws io.proposalflow.notification.domain.NotResendable (in the Mono) unless it is FAILED and
     *         its recipient was not erased
     */
    public Mono<DeliveryRecord> resend(String id) {
        return found(id)
                .flatMap(n -> {
                    n.resend(clock.instant());
                    return store.save(n);
                })
                .doOnSuccess(saved -> dispatcher.nudge())
                .map(NotificationDocument::toRecord);
    }

    private Mono<NotificationDocument> found(String id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> NotFoundException.of("notification", id)));
    }
}
