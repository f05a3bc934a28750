package io.proposalflow.review.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.review.application.ReviewCaseService;

/**
 * Consumes {@code proposal-events} (binding {@code proposalEvents-in-0}, group {@code review-service}).
 *
 * <p>Idempotent and order-safe: a case's id is derived from proposal and review round, so a
 * duplicated or late submission event finds its case instead of opening another; a withdrawal
 * cancels only cases that are still open and remembers its event id in each, and a submission
 * older than a withdrawal already seen opens nothing. Other proposal
 * events are none of this service's business and are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProposalEventsConsumer.class);

    /** Reason written into cancelled cases; users see it (German). */
    static final String WITHDRAWN = "Vorschlag zurückgezogen";

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventMessages messages, ReviewCaseService reviews) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            Object result = "ignored";
            if (event.data() instanceof ProposalSubmitted submitted) {
                result = reviews.open(submitted.proposalId(), submitted.version(), 1, submitted.content(), event.id())
                        .block();
            } else if (event.data() instanceof ProposalResubmitted resubmitted) {
                result = reviews.open(resubmitted.proposalId(), resubmitted.version(), resubmitted.round(),
                        resubmitted.content(), event.id()).block();
            } else if (event.data() instanceof ProposalWithdrawn withdrawn) {
                String reason = withdrawn.reason() == null || withdrawn.reason().isBlank()
                        ? WITHDRAWN : WITHDRAWN + ": " + withdrawn.reason();
                result = reviews.cancelAll(withdrawn.proposalId(), withdrawn.version(), reason, event.id())
                        .collectList().block();
            }
            // one line per event, with the trace id of the story it belongs to (see platform-defaults.yml)
            log.info("proposal {}: handled {} ({})", event.data().proposalId(), event.type(), result);
        };
    }
}
