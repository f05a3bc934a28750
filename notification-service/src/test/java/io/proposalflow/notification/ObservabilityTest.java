package io.proposalflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.Topics;
import io.proposalflow.notification.messaging.mail.GuardedMailSender;
import io.proposalflow.platform.tracing.TraceContexts;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.HealthProbes;
import io.proposalflow.testsupport.TopicProbe;

/** Probes, metrics and tracing as operators and support staff use them. */
class ObservabilityTest extends IntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void readinessChecksTheDependenciesAndTheMailServerWhileLivenessChecksOnlyTheProcess() {
        HealthProbes.assertReadinessChecksWhileLivenessDoesNot(coordinator(), "mongo", "kafka", "smtp");
    }

    @Test
    void withoutLoginTheApiPortTellsOnlyWhetherTheServiceIsUp() {
        HealthProbes.assertAnonymousSeesOnlyTheStatus(client());
    }

    @Test
    void anSmtpOutageMakesTheServiceUnreadyButNeitherDownNorDead() {
        CircuitBreaker smtp = breakers.circuitBreaker(GuardedMailSender.SMTP);
        smtp.transitionToForcedOpenState();
        try {
            coordinator().get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.smtp.status").isEqualTo("SMTP_UNAVAILABLE");
            coordinator().get().uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.smtp.status").isEqualTo("SMTP_UNAVAILABLE");
            client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            smtp.transitionToClosedState();
        }
    }

    @Test
    void prometheusShowsTheCoordinationMailsSentAndFailedAndTheOutboxBacklog() {
        String scrape = coordinator().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("proposalflow_mails_sent_total{application=\"notification-service\",kind=\"SUBMITTED\"}")
                .contains("proposalflow_mails_failed_total{application=\"notification-service\",final=\"true\",kind=\"SUBMITTED\"}")
                .contains("proposalflow_outbox_backlog{");
    }

    @Test
    void anApiResponseNamesItsTrace() {
        coordinator().get().uri("/api/notifications").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("X-Trace-Id", "[0-9a-f]{32}");
    }

    @Test
    void mailsSentLaterByTheDispatcherAreAnnouncedUnderTheTraceOfTheEventThatCausedThem() {
        ProposalSubmitted submitted = newSubmission("Spurensuche");
        EventEnvelope event = EventEnvelope.of(submitted);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>(event.headers());
        headers.put("traceparent", "00-" + traceId + "-53995c3f42cd8ad8-01");
        EventSender.get().sendRaw(Topics.PROPOSAL_EVENTS, submitted.proposalId().toString(), headers,
                new EventCodec().encode(submitted));

        String key = submitted.proposalId().toString();
        List<ConsumerRecord<String, byte[]>> sent;
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.NOTIFICATION_EVENTS)) {
            // three recipients (see IntegrationTest.newSubmission): three NotificationSent events
            probe.readUntil(r -> probe.withKey(key).size() >= 3, TIMEOUT);
            sent = probe.withKey(key);
        }
        assertThat(sent).hasSize(3).allSatisfy(record -> {
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).contains("notification.sent");
            assertThat(TraceContexts.traceId(TopicProbe.header(record, "traceparent"))).isEqualTo(traceId);
        });
    }
}
