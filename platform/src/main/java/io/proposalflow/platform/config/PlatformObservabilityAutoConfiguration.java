package io.proposalflow.platform.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.observation.ObservationRegistry;
import io.proposalflow.platform.outbox.OutboxRelay;
import io.proposalflow.platform.tracing.TraceContexts;
import io.proposalflow.platform.tracing.TraceIdResponseFilter;

/**
 * Observability shared by every service: the trace that an HTTP request starts is carried through
 * the outbox into Kafka headers (see {@link TraceContexts}) and named in the {@code X-Trace-Id}
 * response header; the outbox backlog is a metric.
 */
@AutoConfiguration(
        after = PlatformAutoConfiguration.class,
        afterName = {
                "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
                "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
public class PlatformObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    @ConditionalOnBean({ Tracer.class, ObservationRegistry.class })
    static class Tracing {

        @Bean
        InitializingBean traceContextsInstaller(Tracer tracer, ObservationRegistry observations) {
            return () -> TraceContexts.install(tracer, observations);
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        TraceIdResponseFilter traceIdResponseFilter() {
            return new TraceIdResponseFilter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    @ConditionalOnBean(OutboxRelay.class)
    static class OutboxMetrics {

        /**
         * Reads the figure the relay and the outbox health check last counted, so a scrape never
         * queries MongoDB (and never hangs while MongoDB is away). NaN until first counted.
         */
        @Bean
        MeterBinder outboxBacklogMetrics(OutboxRelay relay) {
            return registry -> {
                Gauge.builder("proposalflow.outbox.backlog", relay, r -> {
                            long pending = r.lastKnownPendingCount();
                            return pending < 0 ? Double.NaN : pending;
                        })
                        .description("Documents whose outbox holds events not yet published to Kafka")
                        .register(registry);
                Gauge.builder("proposalflow.outbox.parked", relay, r -> {
                        long parked = r.lastKnownParkedCount();
                        return parked < 0 ? Double.NaN : parked;
                    })
                    .description("Documents whose next event the broker refused max-attempts times; "
                            + "waiting for POST /actuator/outbox")
                    .register(registry);
            };
        }
    }
}
