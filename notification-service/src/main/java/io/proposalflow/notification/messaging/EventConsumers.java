package io.proposalflow.notification.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.notification.application.NotificationDispatcher;
import io.proposalflow.notification.application.NotificationPlanner;
import io.proposalflow.platform.messaging.EventMessages;

/**
 * The Kafka edge: {@code proposal-events} and {@code review-events}, consumer group
 * {@code notification-service} (bindings in application.yml). A malformed message throws and is
 * dead-lettered by the platform; event types that mail nobody are simply ignored.
 */
@Configuration
public class EventConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumers.class);

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventMessages messages, NotificationPlanner planner,
            NotificationDispatcher dispatcher) {
        return message -> handle(messages.decode(message), planner, dispatcher);
    }

    @Bean
    Consumer<Message<byte[]>> reviewEvents(EventMessages messages, NotificationPlanner planner,
            NotificationDispatcher dispatcher) {
        return message -> handle(messages.decode(message), planner, dispatcher);
    }

    private static void handle(EventEnvelope event, NotificationPlanner planner, NotificationDispatcher dispatcher) {
        int planned = planner.handle(event);
        // one line per event, with the trace id of the story it belongs to (see platform-defaults.yml)
        LOG.info("proposal {}: handled {} ({} mails planned)", event.data().proposalId(), event.type(), planned);
        if (planned > 0) {
            dispatcher.nudge();
        }
    }
}
