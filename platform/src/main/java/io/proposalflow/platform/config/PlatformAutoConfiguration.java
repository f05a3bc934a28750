package io.proposalflow.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.proposalflow.events.EventCodec;
import io.proposalflow.platform.messaging.DeadLetterEndpoint;
import io.proposalflow.platform.messaging.DeadLetterErrorHandling;
import io.proposalflow.platform.messaging.DeadLetterReplay;
import io.proposalflow.platform.messaging.EventMessages;
import io.proposalflow.platform.outbox.OutboxProperties;
import io.proposalflow.platform.outbox.OutboxPublisher;
import io.proposalflow.platform.outbox.OutboxEndpoint;
import io.proposalflow.platform.outbox.OutboxHandOver;
import io.proposalflow.platform.outbox.OutboxRelay;
import io.proposalflow.platform.persistence.AggregateDocument;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.web.ProblemDetailsAdvice;

/**
 * Wires the shared building blocks into every service: the event codec, the outbox relay,
 * idempotent updates, the consumers' dead-letter policy and problem+json errors.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

    /**
     * The services' one source of the current time: injected wherever time is read, so a test can
     * move it (retention, deadlines, leases) instead of waiting.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventMessages eventMessages(EventCodec codec) {
        return new EventMessages(codec);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentUpdater idempotentUpdater(ReactiveMongoOperations mongo) {
        return new IdempotentUpdater(mongo);
    }

    /**
     * The relay's own producer (not a ProducerFactory bean, which would replace Boot's default
     * one): string keys, the exact JSON bytes as values; closed with the publisher.
     */
    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher outboxPublisher(KafkaProperties kafka, OutboxProperties properties) {
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(producerProperties(kafka, StringSerializer.class));
        return new OutboxPublisher(new KafkaTemplate<>(factory), properties.sendTimeout());
    }

    /** Where saves that claim their outbox leave the entries for this instance's relay. */
    @Bean
    @ConditionalOnMissingBean
    OutboxHandOver outboxHandOver(OutboxProperties properties, Clock clock) {
        return new OutboxHandOver(properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ReactiveMongoOperations mongo, OutboxPublisher publisher, OutboxProperties properties,
            Clock clock, OutboxHandOver handOver) {
        return new OutboxRelay(mongo, publisher, properties, clock, handOver);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(OutboxRelay.class)
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }

    /** Publishes right after an aggregate with new events was saved, instead of at the next poll. */
    @Bean
    ApplicationListener<AfterSaveEvent<?>> outboxNudge(OutboxRelay relay) {
        return event -> {
            if (event.getSource() instanceof AggregateDocument document && !document.getOutbox().isEmpty()) {
                relay.nudge();
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterErrorHandling deadLetterErrorHandling(KafkaProperties kafka,
            @Value("${platform.messaging.max-wait-for-earlier-event:10m}") Duration maxWaitForEarlierEvent) {
        // dead letters keep the original key and value bytes untouched
        DefaultKafkaProducerFactory<Object, Object> factory =
                new DefaultKafkaProducerFactory<>(producerProperties(kafka, ByteArraySerializer.class));
        return new DeadLetterErrorHandling(new KafkaTemplate<>(factory), Duration.ofSeconds(10),
                maxWaitForEarlierEvent);
    }

    /** Sends dead letters back to their topic once their cause is fixed; records as they were. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplay deadLetterReplay(KafkaProperties kafka) {
        DefaultKafkaProducerFactory<Object, Object> factory =
                new DefaultKafkaProducerFactory<>(producerProperties(kafka, ByteArraySerializer.class));
        return new DeadLetterReplay(new HashMap<>(kafka.buildConsumerProperties()), new KafkaTemplate<>(factory));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplay replay) {
        return new DeadLetterEndpoint(replay);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    private static Map<String, Object> producerProperties(KafkaProperties kafka, Class<?> keySerializer) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }
}
