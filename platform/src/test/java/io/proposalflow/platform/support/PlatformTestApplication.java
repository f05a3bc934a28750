package io.proposalflow.platform.support;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.tracing.TraceContexts;

/**
 * A service in miniature for the platform's integration tests: one imperative Spring Cloud
 * Stream consumer that counts events on a {@link TestAggregate}.
 */
@SpringBootApplication
public class PlatformTestApplication {

    /** A withdrawal with this reason makes the handler fail every time (a poison message). */
    public static final String ALWAYS_FAILS = "handler always fails";
    /** A status change with this reason makes the handler publish a follow-up event (an echo). */
    public static final String ECHO = "echo";

    @Bean
    Consumer<Message<byte[]>> countEvents(EventMessages messages, IdempotentUpdater updater, EventCodec codec) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            if (event.data() instanceof ProposalWithdrawn withdrawn && ALWAYS_FAILS.equals(withdrawn.reason())) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            // seen on the consumer's own thread, where the binder's observation has opened its scope
            String traceIdOnConsumerThread = TraceContexts.currentTraceId();
            updater.applyOnce(TestAggregate.class, event.subject(), event.id(), aggregate -> {
                aggregate.increment();
                aggregate.setLastTraceId(traceIdOnConsumerThread);
                if (event.data() instanceof ProposalStatusChanged changed && ECHO.equals(changed.reason())) {
                    // enqueued on a MongoDB driver thread, as services' handlers do
                    aggregate.enqueue(EventEnvelope.of(new ProposalStatusChanged(changed.proposalId(),
                            changed.version() + 1, changed.themenfeld(), changed.title(), changed.to(),
                            ProposalStatus.APPROVED, null)), codec);
                }
            }).block();
        };
    }
}
