package io.proposalflow.proposal.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecisionRecorded;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.proposal.application.ConsumedEvents;
import io.proposalflow.proposal.domain.Delivery;
import reactor.core.publisher.Mono;

/**
 * The Kafka edge: review outcomes move proposals along their lifecycle, delivered notifications enter
 * their history. What each event type means to this service is said once, in a Handler of its family:
 * a new event type does not compile until it is handled here.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(ProposalEventConsumers.class);

    @Bean
    public Consumer<Message<byte[]>> reviewEvents(EventMessages messages, ConsumedEvents effects, Clock clock) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            if (!(event.data() instanceof ReviewEvent review)) {
                log.debug("{} {} on the review topic is no review event; skipped", event.type(), event.id());
                return;
            }
            Instant at = event.time() == null ? clock.instant() : event.time();
            IdempotentUpdater.Result result = review.accept(new ReviewEffects(effects, event.id(), at)).block();
            if (result == null) {
                return; // an event type that means nothing to this service
            }
            // one line per event, with the trace id of the story it belongs to (see platform-defaults.yml)
            log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(), result);
            if (result == IdempotentUpdater.Result.NOT_FOUND) {
                // proposals are created here before any other service hears of them, so this is an event for
                // a proposal of another installation or a deleted database: nothing to update, nothing to retry
                log.warn("{} {} names unknown proposal {}; ignored", event.type(), event.id(),
                        event.data().proposalId());
            }
        };
    }

    @Bean
    public Consumer<Message<byte[]>> notificationEvents(EventMessages messages, ConsumedEvents effects,
            Clock clock) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            if (!(event.data() instanceof NotificationEvent notification)) {
                log.debug("{} {} on the notification topic is no notification event; skipped", event.type(),
                        event.id());
                return;
            }
            Instant at = event.time() == null ? clock.instant() : event.time();
            Delivery delivery = notification.accept(new Deliveries(at));
            boolean recorded = Boolean.TRUE.equals(
                    effects.recordDelivery(event.id(), event.data().proposalId(), delivery).block());
            log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(),
                    recorded ? "RECORDED" : "DUPLICATE");
        };
    }

    /** What each review event does to its proposal; empty for the events that do nothing here. */
    static final class ReviewEffects implements ReviewEvent.Handler<Mono<IdempotentUpdater.Result>> {

        private final ConsumedEvents effects;
        private final String eventId;
        private final Instant at;

        ReviewEffects(ConsumedEvents effects, String eventId, Instant at) {
            this.effects = effects;
            this.eventId = eventId;
            this.at = at;
        }

        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewOpened e) {
            return effects.reviewOpened(eventId, e.proposalId(), e.round(), at);
        }

        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewCompleted e) {
            return effects.reviewCompleted(eventId, e.proposalId(), e.round(), e.outcome(), e.comments(), at);
        }

        /** Who reviews stays in review-service. */
        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewersAssigned e) {
            return Mono.empty();
        }

        /** Single decisions are not the outcome; the completion carries all of them. */
        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewDecisionRecorded e) {
            return Mono.empty();
        }

        /** A cancelled case follows the proposal's withdrawal, which this service recorded itself. */
        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewCancelled e) {
            return Mono.empty();
        }

        /** Reminders, deadlines and the panel's make-up concern the reviewers, not the proposal's state. */
        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewReminderDue e) {
            return Mono.empty();
        }

        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewOverdue e) {
            return Mono.empty();
        }

        @Override
        public Mono<IdempotentUpdater.Result> on(ReviewerRemoved e) {
            return Mono.empty();
        }
    }

    /**
     * A reported mail as this service keeps it: the step (source event), kind and organisation only; who
     * exactly got the mail stays in notification-service.
     */
    static final class Deliveries implements NotificationEvent.Handler<Delivery> {

        private final Instant at;

        Deliveries(Instant at) {
            this.at = at;
        }

        @Override
        public Delivery on(NotificationSent e) {
            return new Delivery(e.notificationId().toString(), e.sourceEventId(), e.sourceEventType(),
                    e.recipientKind(), e.organisationId(), e.organisationName(), true, at);
        }

        @Override
        public Delivery on(NotificationFailed e) {
            return new Delivery(e.notificationId().toString(), e.sourceEventId(), e.sourceEventType(),
                    e.recipientKind(), e.organisationId(), e.organisationName(), false, at);
        }
    }
}
