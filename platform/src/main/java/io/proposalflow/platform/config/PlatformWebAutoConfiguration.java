package io.proposalflow.platform.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import io.proposalflow.platform.security.ProblemExchangeRejectedHandler;
import io.proposalflow.platform.web.idempotency.IdempotencyFilter;
import io.proposalflow.platform.web.idempotency.IdempotencyRecords;

/**
 * The HTTP edge's shared pieces that are not security rules: problem+json for requests the web
 * firewall refuses, and {@code Idempotency-Key} for the operations marked {@code @Idempotent}.
 */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PlatformWebAutoConfiguration {

    /** The first answer to each {@code Idempotency-Key}, in the service's own database. */
    @Bean
    @ConditionalOnBean(ReactiveMongoOperations.class)
    @ConditionalOnMissingBean
    IdempotencyRecords idempotencyRecords(ReactiveMongoOperations mongo,
            @Value("${platform.idempotency.retention:24h}") Duration retention,
            @Value("${platform.idempotency.lease:60s}") Duration lease, ObjectProvider<Clock> clock) {
        return new IdempotencyRecords(mongo, retention, lease, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(IdempotencyRecords.class)
    @ConditionalOnMissingBean
    IdempotencyFilter idempotencyFilter(IdempotencyRecords records,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
        return new IdempotencyFilter(records, handlerMapping);
    }

    @Bean
    @ConditionalOnClass(ServerExchangeRejectedHandler.class)
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return new ProblemExchangeRejectedHandler();
    }
}
