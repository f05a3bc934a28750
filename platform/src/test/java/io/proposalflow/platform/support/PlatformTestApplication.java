package io.proposalflow.platform.support;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.platform.persistence.IdempotentUpdater;

/**
 * A service in miniature for the platform's integration tests: one imperative Spring Cloud
 * Stream consumer that counts events on a {@link TestAggregate}.
 */
@SpringBootApplication
public class PlatformTestApplication {

    /** A withdrawal with this reason makes the handler fail every time (a poison message). */
    public static final String ALWAYS_FAILS = "handler always fails";

    @Bean
    Consumer<Message<byte[]>> countEvents(EventMessages messages, IdempotentUpdater updater) {
        return message -> {
            EventEnvelope event = messages.decode(message);
            if (event.data() instanceof ProposalWithdrawn withdrawn && ALWAYS_FAILS.equals(withdrawn.reason())) {
                throw new IllegalStateException("cannot handle " + event.id());
            }
            updater.applyOnce(TestAggregate.class, event.subject(), event.id(), TestAggregate::increment).block();
        };
    }
}
