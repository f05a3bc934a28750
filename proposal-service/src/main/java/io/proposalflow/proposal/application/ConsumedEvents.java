package io.proposalflow.proposal.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.proposal.domain.Delivery;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.persistence.DeliveryDocument;
import io.proposalflow.proposal.persistence.DeliveryRepository;
import io.proposalflow.proposal.persistence.ProposalDocument;
import reactor.core.publisher.Mono;

/**
 * The use cases of the events this service consumes. Each event is applied at most once: by event id, in
 * the same write as its effect. The domain ignores review events of an older round or for a proposal
 * that has moved on.
 */
@Service
public class ConsumedEvents {

    private final IdempotentUpdater updater;
    private final DeliveryRepository deliveries;
    private final EventCodec codec;

    public ConsumedEvents(IdempotentUpdater updater, DeliveryRepository deliveries, EventCodec codec) {
        this.updater = updater;
        this.deliveries = deliveries;
        this.codec = codec;
    }

    /** review-service opened the review of {@code round}. */
    public Mono<IdempotentUpdater.Result> reviewOpened(String eventId, UUID proposalId, int round, Instant at) {
        return applyOnce(eventId, proposalId, p -> p.openReview(round, at));
    }

    /** review-service concluded the review of {@code round}. */
    public Mono<IdempotentUpdater.Result> reviewCompleted(String eventId, UUID proposalId, int round,
            ReviewOutcome outcome, List<ReviewComment> comments, Instant at) {
        return applyOnce(eventId, proposalId, p -> p.completeReview(round, outcome, comments, at));
    }

    /**
     * Records a mail notification-service reported; false if this event was recorded before. Deliveries go
     * to their own collection, not into the proposal (see {@link DeliveryDocument}), and are summarised per
     * step when the history is read.
     */
    public Mono<Boolean> recordDelivery(String eventId, UUID proposalId, Delivery delivery) {
        return deliveries.insert(new DeliveryDocument(eventId, proposalId.toString(), delivery))
                .thenReturn(true)
                // the event id is the document id: a redelivery is a duplicate key and changes nothing
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    private Mono<IdempotentUpdater.Result> applyOnce(String eventId, UUID proposalId, Consumer<Proposal> change) {
        return updater.applyOnce(ProposalDocument.class, proposalId.toString(), eventId, document -> {
            Proposal proposal = document.toDomain();
            change.accept(proposal);
            document.apply(proposal, codec);
        });
    }
}
