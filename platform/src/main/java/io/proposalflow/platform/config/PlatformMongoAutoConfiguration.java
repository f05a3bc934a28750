package io.proposalflow.platform.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import io.proposalflow.platform.outbox.OutboxHandOver;
import io.proposalflow.platform.persistence.AggregateMongoTemplate;

/**
 * The services' MongoDB template saves aggregates without overwriting their outbox or the relay's
 * lease ({@link AggregateMongoTemplate}). Registered before Boot's reactive MongoDB configuration,
 * whose own template then steps aside; it still provides the database factory and converter.
 */
@AutoConfiguration(before = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class PlatformMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReactiveMongoOperations.class)
    ReactiveMongoTemplate reactiveMongoTemplate(ReactiveMongoDatabaseFactory factory, MongoConverter converter,
            ObjectProvider<OutboxHandOver> handOver) {
        AggregateMongoTemplate template = new AggregateMongoTemplate(factory, converter);
        handOver.ifAvailable(template::setOutboxHandOver);
        return template;
    }
}
