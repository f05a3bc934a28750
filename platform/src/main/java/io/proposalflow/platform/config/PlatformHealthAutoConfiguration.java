package io.proposalflow.platform.config;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.platform.health.KafkaHealthIndicator;
import io.proposalflow.platform.health.MongoPingHealthIndicator;
import io.proposalflow.platform.health.OutboxHealthIndicator;
import io.proposalflow.platform.outbox.OutboxRelay;

/**
 * Health of what every service depends on: its MongoDB database, the Kafka cluster and the
 * outbox backlog. Runs before Boot's Mongo health configuration so that ours takes the name
 * {@code mongo}.
 */
@AutoConfiguration(
        after = { KafkaAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class, PlatformAutoConfiguration.class },
        before = MongoReactiveHealthContributorAutoConfiguration.class)
public class PlatformHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(), Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnMissingBean(name = "outboxHealthIndicator")
    @ConditionalOnBean(OutboxRelay.class)
    OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay) {
        return new OutboxHealthIndicator(relay);
    }
}
