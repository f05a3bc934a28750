package io.proposalflow.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.ProposalEvent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.platform.persistence.IdempotentUpdater.Result;
import io.proposalflow.review.application.ReviewCaseService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What each proposal event means to reviewing, without a broker: a submission opens review round 1,
 * a resubmission its round, a withdrawal cancels the open cases with the reason; drafts, status
 * changes and funding updates do nothing here.
 */
class ConsumedEventMeaningTest {

    private final ReviewCaseService reviews = mock(ReviewCaseService.class);

    @Test
    void aSubmissionOpensReviewRoundOne() {
        ProposalSubmitted submitted = (ProposalSubmitted) EventSamples.sample(EventType.PROPOSAL_SUBMITTED);
        when(reviews.open(submitted.proposalId(), submitted.version(), 1, submitted.content(), "e-1"))
                .thenReturn(Mono.just(Result.APPLIED));

        assertThat(submitted.accept(meaning("e-1"))).isEqualTo(Result.APPLIED);
    }

    @Test
    void aResubmissionOpensItsRoundOnTheRevisedContent() {
        ProposalResubmitted resubmitted = (ProposalResubmitted) EventSamples.sample(EventType.PROPOSAL_RESUBMITTED);
        when(reviews.open(resubmitted.proposalId(), resubmitted.version(), resubmitted.round(),
                resubmitted.content(), "e-2")).thenReturn(Mono.just(Result.APPLIED));

        assertThat(resubmitted.accept(meaning("e-2"))).isEqualTo(Result.APPLIED);
    }

    @Test
    void aWithdrawalCancelsTheOpenCasesGivingTheFocusGroupsReason() {
        ProposalWithdrawn withdrawn = (ProposalWithdrawn) EventSamples.sample(EventType.PROPOSAL_WITHDRAWN);
        when(reviews.cancelAll(withdrawn.proposalId(), withdrawn.version(),
                "Vorschlag zurückgezogen: " + withdrawn.reason(), "e-3")).thenReturn(Flux.just(Result.APPLIED));

        assertThat(withdrawn.accept(meaning("e-3"))).isEqualTo(List.of(Result.APPLIED));
    }

    @Test
    void aWithdrawalWithoutReasonSaysOnlyThatItWasWithdrawn() {
        ProposalWithdrawn sample = (ProposalWithdrawn) EventSamples.sample(EventType.PROPOSAL_WITHDRAWN);
        ProposalWithdrawn withdrawn = new ProposalWithdrawn(sample.proposalId(), sample.version(),
                sample.previousStatus(), " ", sample.withdrawnBy());
        when(reviews.cancelAll(withdrawn.proposalId(), withdrawn.version(), "Vorschlag zurückgezogen", "e-4"))
                .thenReturn(Flux.just(Result.APPLIED));

        assertThat(withdrawn.accept(meaning("e-4"))).isEqualTo(List.of(Result.APPLIED));
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class,
            names = { "PROPOSAL_DRAFTED", "PROPOSAL_STATUS_CHANGED", "FUNDING_APPLICATION_UPDATED" })
    void everyOtherProposalEventDoesNothingHere(EventType type) {
        ProposalEvent event = (ProposalEvent) EventSamples.sample(type);

        assertThat(event.accept(meaning("e-5"))).isEqualTo("ignored");
        verifyNoInteractions(reviews);
    }

    private ProposalEventsConsumer.Meaning meaning(String eventId) {
        return new ProposalEventsConsumer.Meaning(reviews, eventId);
    }
}
