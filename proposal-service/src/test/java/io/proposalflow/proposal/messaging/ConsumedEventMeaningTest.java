package io.proposalflow.proposal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.proposal.application.ConsumedEvents;
import io.proposalflow.proposal.domain.Delivery;
import reactor.core.publisher.Mono;

/**
 * What each consumed event type means to proposal-service, without a broker: an opened or completed
 * review moves the proposal, every other review event does nothing here, every notification event is a
 * delivery (without a person).
 */
class ConsumedEventMeaningTest {

    private static final Instant AT = Instant.parse("2026-03-16T09:00:00Z");

    private final ConsumedEvents effects = mock(ConsumedEvents.class);

    @Test
    void anOpenedReviewOpensTheReviewOfItsRound() {
        ReviewOpened opened = (ReviewOpened) EventSamples.sample(EventType.REVIEW_OPENED);
        when(effects.reviewOpened("e-1", opened.proposalId(), opened.round(), AT))
                .thenReturn(Mono.just(IdempotentUpdater.Result.APPLIED));

        assertThat(opened.accept(new ProposalEventConsumers.ReviewEffects(effects, "e-1", AT)).block())
                .isEqualTo(IdempotentUpdater.Result.APPLIED);
        verify(effects).reviewOpened("e-1", opened.proposalId(), opened.round(), AT);
    }

    @Test
    void aCompletedReviewCompletesItWithOutcomeAndComments() {
        ReviewCompleted completed = (ReviewCompleted) EventSamples.sample(EventType.REVIEW_COMPLETED);
        when(effects.reviewCompleted("e-2", completed.proposalId(), completed.round(), completed.outcome(),
                completed.comments(), AT)).thenReturn(Mono.just(IdempotentUpdater.Result.APPLIED));

        assertThat(completed.accept(new ProposalEventConsumers.ReviewEffects(effects, "e-2", AT)).block())
                .isEqualTo(IdempotentUpdater.Result.APPLIED);
        verify(effects).reviewCompleted("e-2", completed.proposalId(), completed.round(), completed.outcome(),
                completed.comments(), AT);
    }

    static Stream<EventType> otherReviewEventTypes() {
        return Arrays.stream(EventType.values())
                .filter(type -> type.topic().equals(Topics.REVIEW_EVENTS))
                .filter(type -> type != EventType.REVIEW_OPENED && type != EventType.REVIEW_COMPLETED);
    }

    @ParameterizedTest
    @MethodSource("otherReviewEventTypes")
    void everyOtherReviewEventDoesNothingHere(EventType type) {
        DomainEvent event = EventSamples.sample(type);
        assertThat(event).isInstanceOf(ReviewEvent.class);

        assertThat(((ReviewEvent) event).accept(new ProposalEventConsumers.ReviewEffects(effects, "e-3", AT))
                .blockOptional()).isEmpty();
        verifyNoInteractions(effects);
    }

    @Test
    void aSentOrFailedNotificationIsADeliveryNamingTheOrganisationAtMost() {
        NotificationSent sent = (NotificationSent) EventSamples.sample(EventType.NOTIFICATION_SENT);
        NotificationFailed failed = (NotificationFailed) EventSamples.sample(EventType.NOTIFICATION_FAILED);

        Delivery delivered = sent.accept(new ProposalEventConsumers.Deliveries(AT));
        Delivery notDelivered = ((NotificationEvent) failed).accept(new ProposalEventConsumers.Deliveries(AT));

        assertThat(delivered).isEqualTo(new Delivery(sent.notificationId().toString(), sent.sourceEventId(),
                sent.sourceEventType(), sent.recipientKind(), sent.organisationId(), sent.organisationName(), true,
                AT));
        assertThat(notDelivered).isEqualTo(new Delivery(failed.notificationId().toString(),
                failed.sourceEventId(), failed.sourceEventType(), failed.recipientKind(), failed.organisationId(),
                failed.organisationName(), false, AT));
    }
}
