package io.proposalflow.proposal.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import reactor.core.publisher.Mono;
import io.proposalflow.proposal.domain.Delivery;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.persistence.DeliveryDocument;
import io.proposalflow.proposal.persistence.DeliveryRepository;
import io.proposalflow.proposal.persistence.ProposalDocument;

/**
 * The Kafka edge: review outcomes move proposals along their lifecycle, delivered notifications enter
 * their history. Each event is applied at most once (by event id, in the same write as its effect), and
 * the domain ignores review events of an older round or for a proposal that has moved on. Other event
 * types on these topics are not for this service and are skipped.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(ProposalEventConsumers.class);

    @Bean
    public Consumer<Message<byte[]>> reviewEvents(EventMessages messages, IdempotentUpdater updater,
            EventCodec codec) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            Instant at = event.time() == null ? Instant.now() : event.time();
            if (event.data() instanceof ReviewOpened e) {
                apply(updater, codec, event, p -> p.openReview(e.round(), at));
            } else if (event.data() instanceof ReviewCompleted e) {
                apply(updater, codec, event, p -> p.completeReview(e.round(), e.outcome(), e.comments(), at));
            }
        };
    }

    /**
     * Deliveries go to their own collection, not into the proposal: see {@link DeliveryDocument}. They are
     * summarised per step when the history is read ({@code NotificationSteps}).
     */
    @Bean
    public Consumer<Message<byte[]>> notificationEvents(EventMessages messages, DeliveryRepository deliveries) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            Instant at = event.time() == null ? Instant.now() : event.time();
            // the step (source event), kind and organisation only: who exactly got the mail stays in
            // notification-service
            Delivery delivery = null;
            if (event.data() instanceof NotificationSent e) {
                delivery = new Delivery(e.notificationId().toString(), e.sourceEventId(), e.sourceEventType(),
                        e.recipientKind(), e.organisationId(), e.organisationName(), true, at);
            } else if (event.data() instanceof NotificationFailed e) {
                delivery = new Delivery(e.notificationId().toString(), e.sourceEventId(), e.sourceEventType(),
                        e.recipientKind(), e.organisationId(), e.organisationName(), false, at);
            }
            if (delivery != null) {
                boolean recorded = Boolean.TRUE.equals(deliveries
                        .insert(new DeliveryDocument(event.id(), event.data().proposalId().toString(), delivery))
                        .thenReturn(true)
                        // the event id is the document id: a redelivery is a duplicate key and changes nothing
                        .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false))
                        .block());
                log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(),
                        recorded ? "RECORDED" : "DUPLICATE");
            }
        };
    }

    private static void apply(IdempotentUpdater updater, EventCodec codec, EventEnvelope event,
            Consumer<Proposal> change) {
        IdempotentUpdater.Result result = updater.applyOnce(ProposalDocument.class,
                event.data().proposalId().toString(), event.id(), document -> {
                    Proposal proposal = document.toDomain();
                    change.accept(proposal);
                    document.apply(proposal, codec);
                }).block();
        // one line per event, with the trace id of the story it belongs to (see platform-defaults.yml)
        log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(), result);
        if (result == IdempotentUpdater.Result.NOT_FOUND) {
            // proposals are created here before any other service hears of them, so this is an event for
            // a proposal of another installation or a deleted database: nothing to update, nothing to retry
            log.warn("{} {} names unknown proposal {}; ignored", event.type(), event.id(), event.data().proposalId());
        }
    }
}
