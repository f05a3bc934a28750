package io.proposalflow.notification.application;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.proposalflow.notification.domain.Notification;
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
    public Flux<Notification> find(String proposalId, String organisationId, NotificationStatus status,
            PageQuery page) {
        return store.find(new NotificationFilter(proposalId, organisationId, status), page)
                .map(NotificationDocument::toDomain);
    }

    public Mono<Long> count(String proposalId, String organisationId, NotificationStatus status) {
        return store.count(new NotificationFilter(proposalId, organisationId, status));
    }

    public Mono<Notification> get(String id) {
        return found(id).map(NotificationDocument::toDomain);
    }

    /**
     * Gives a FAILED notification another round of attempts and asks the dispatcher to start.
     *
     * @throws io.proposalflow.notification.domain.NotResendable (in the Mono) unless it is FAILED and
     *         its recipient was not erased
     */
    public Mono<Notification> resend(String id) {
        return found(id)
                .flatMap(n -> {
                    n.resend(clock.instant());
                    return store.save(n);
                })
                .doOnSuccess(saved -> dispatcher.nudge())
                .map(NotificationDocument::toDomain);
    }

    private Mono<NotificationDocument> found(String id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> NotFoundException.of("notification", id)));
    }
}
