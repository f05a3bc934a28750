package io.proposalflow.review.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.FundingApplicationUpdated;
import io.proposalflow.events.ProposalDrafted;
import io.proposalflow.events.ProposalEvent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.review.application.ReviewCaseService;

/**
 * Consumes {@code proposal-events} (binding {@code proposalEvents-in-0}, group {@code review-service}).
 * What each proposal event means to reviewing is decided in one place, {@link Meaning}: a new event
 * type does not compile until it says what it means here.
 *
 * <p>Idempotent and order-safe: a case's id is derived from proposal and review round, so a
 * duplicated or late submission event finds its case instead of opening another; a withdrawal
 * cancels only cases that are still open and remembers its event id in each, and a submission
 * older than a withdrawal already seen opens nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProposalEventsConsumer.class);

    /** Reason written into cancelled cases; users see it (German). */
    static final String WITHDRAWN = "Vorschlag zurückgezogen";

    /** What the use cases answered, for the log line; events without meaning here answer this. */
    private static final String IGNORED = "ignored";

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventMessages messages, ReviewCaseService reviews) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            Object result = event.data() instanceof ProposalEvent proposalEvent
                    ? proposalEvent.accept(new Meaning(reviews, event.id()))
                    : IGNORED;
            // one line per event, with the trace id of the story it belongs to (see platform-defaults.yml)
            log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(), result);
        };
    }

    /** What one proposal event (with id {@code eventId}) means to reviewing; blocks until it is done. */
    static final class Meaning implements ProposalEvent.Handler<Object> {

        private final ReviewCaseService reviews;
        private final String eventId;

        Meaning(ReviewCaseService reviews, String eventId) {
            this.reviews = reviews;
            this.eventId = eventId;
        }

        /** A first submission opens review round 1. */
        @Override
        public Object on(ProposalSubmitted event) {
            return reviews.open(event.proposalId(), event.version(), 1, event.content(), eventId).block();
        }

        /** A resubmission opens the next round on the revised content. */
        @Override
        public Object on(ProposalResubmitted event) {
            return reviews.open(event.proposalId(), event.version(), event.round(), event.content(), eventId).block();
        }

        /** A withdrawal cancels the cases that are still open. */
        @Override
        public Object on(ProposalWithdrawn event) {
            String reason = event.reason() == null || event.reason().isBlank()
                    ? WITHDRAWN : WITHDRAWN + ": " + event.reason();
            return reviews.cancelAll(event.proposalId(), event.version(), reason, eventId).collectList().block();
        }

        /** A draft is nobody's review yet. */
        @Override
        public Object on(ProposalDrafted event) {
            return IGNORED;
        }

        /** Status changes follow from submissions and reviews this service already acts on. */
        @Override
        public Object on(ProposalStatusChanged event) {
            return IGNORED;
        }

        /** The funding application follows the review (its stages at the funding body); it changes no case. */
        @Override
        public Object on(FundingApplicationUpdated event) {
            return IGNORED;
        }
    }
}
