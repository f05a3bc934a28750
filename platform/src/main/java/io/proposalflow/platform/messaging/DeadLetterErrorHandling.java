package io.proposalflow.platform.messaging;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.proposalflow.events.MalformedEventException;

/**
 * The one error policy of every event consumer, applied to the binder's listener containers:
 * <ul>
 *   <li>a message that cannot be parsed ({@link MalformedEventException}) goes to the dead-letter
 *       topic at once: retrying cannot help;</li>
 *   <li>a failure of the outside world (MongoDB down, ...) is retried with backoff until it
 *       passes: the message is fine and must not be parked, and the partition cannot move on
 *       without it anyway;</li>
 *   <li>an event that overtook another it needs from a different topic
 *       ({@link TransientFailures.AwaitingEarlierEvent}) is retried every 50 to 500 ms: the other
 *       normally arrives within moments, while an outage's growing waits would hold such an event,
 *       and the partition behind it, far longer. It is not retried forever: after
 *       {@code platform.messaging.max-wait-for-earlier-event} (10 minutes by default) it is
 *       dead-lettered with its cause and the partition moves on; once the missing event has
 *       arrived, {@code POST /actuator/deadletters} sends it back ({@link DeadLetterReplay});</li>
 *   <li>any other failure is retried as the binding's {@code max-attempts} and back-off say, then
 *       the message goes to the binder's dead-letter topic ({@code error.<topic>.<group>} unless
 *       {@code dlq-name} is set) with the cause in {@code kafka_dlt-exception-*} headers, and the
 *       partition moves on.</li>
 * </ul>
 * The retries run in the listener container rather than in the binding so that the
 * per-failure choice above is possible.
 */
public class DeadLetterErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandling.class);

    private final KafkaOperations<Object, Object> deadLetterTemplate;
    private static final Duration AWAITING_FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration AWAITING_MAX_INTERVAL = Duration.ofMillis(500);

    private final Duration maxOutageBackOff;
    private final Duration maxWaitForEarlierEvent;

    /**
     * @param maxWaitForEarlierEvent how long an event that waits for another (which it overtook) is
     *        retried before it is dead-lettered with its cause, so that it does not hold its partition
     *        and every other proposal's events behind it forever
     */
    public DeadLetterErrorHandling(KafkaOperations<Object, Object> deadLetterTemplate, Duration maxOutageBackOff,
            Duration maxWaitForEarlierEvent) {
        this.deadLetterTemplate = deadLetterTemplate;
        this.maxOutageBackOff = maxOutageBackOff;
        this.maxWaitForEarlierEvent = maxWaitForEarlierEvent;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        boolean deadLetters = properties == null || properties.getExtension().isEnableDlq();
        String deadLetterTopic = properties != null && properties.getExtension().getDlqName() != null
                ? properties.getExtension().getDlqName()
                : deadLetterTopic(destinationName, group);
        configure(container, deadLetters ? deadLetterTopic : null, backOff);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        configure(container, dlqDestinationResolver == null ? null : deadLetterTopic(destinationName, group), backOff);
    }

    /** The binder's default dead-letter topic name. */
    public static String deadLetterTopic(String destination, String group) {
        return "error." + destination + "." + group;
    }

    private void configure(AbstractMessageListenerContainer<?, ?> container, String deadLetterTopic, BackOff backOff) {
        BackOff bounded = backOff != null ? backOff : new FixedBackOff(200, 3);
        DefaultErrorHandler handler;
        if (deadLetterTopic == null) {
            handler = new DefaultErrorHandler(bounded);
        } else {
            // partition -1: the producer picks it from the key, so one proposal's dead letters stay in order
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                    (record, failure) -> new TopicPartition(deadLetterTopic, -1));
            handler = new DefaultErrorHandler((record, failure) -> {
                log.warn("Event from {}-{}@{} goes to {}: {}", record.topic(), record.partition(), record.offset(),
                        deadLetterTopic, handlerFailure(failure).toString());
                recoverer.accept(record, handlerFailure(failure));
            }, bounded);
        }
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // null = the bounded back-off above
        handler.setBackOffFunction((record, failure) -> backOffFor(failure));
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.DEBUG);
        container.setCommonErrorHandler(handler);
    }

    /** The back-off of a failure that is retried until it passes; {@code null} for the bounded one. */
    BackOff backOffFor(Exception failure) {
        if (TransientFailures.isAwaitingEarlierEvent(failure)) {
            ExponentialBackOff awaiting = new ExponentialBackOff(AWAITING_FIRST_RETRY.toMillis(), 2.0);
            awaiting.setMaxInterval(AWAITING_MAX_INTERVAL.toMillis());
            // then the recoverer dead-letters it, with the cause in the headers (see the class comment)
            awaiting.setMaxElapsedTime(maxWaitForEarlierEvent.toMillis());
            return awaiting;
        }
        if (TransientFailures.isTransient(failure)) {
            ExponentialBackOff outage = new ExponentialBackOff(200, 2.0);
            outage.setMaxInterval(maxOutageBackOff.toMillis());
            return outage;
        }
        return null;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void close() throws Exception {
        if (deadLetterTemplate instanceof KafkaTemplate<Object, Object> template
                && template.getProducerFactory() instanceof DisposableBean factory) {
            factory.destroy();
        }
    }

    /**
     * The exception the handler threw, without the listener and messaging wrappers around it,
     * so the dead letter's {@code kafka_dlt-exception-*} headers name the real cause.
     */
    static Exception handlerFailure(Exception failure) {
        Throwable current = failure;
        while ((current instanceof ListenerExecutionFailedException || current instanceof MessagingException)
                && current.getCause() instanceof Exception cause && cause != current) {
            current = cause;
        }
        return (Exception) current;
    }

}
