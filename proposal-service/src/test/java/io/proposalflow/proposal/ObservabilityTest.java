package io.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.tracing.TraceContexts;
import io.proposalflow.testsupport.HealthProbes;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;

/** Probes, metrics and tracing as operators and support staff use them. */
class ObservabilityTest extends ServiceTest {

    @Test
    void readinessChecksTheDependenciesWhileLivenessChecksOnlyTheProcess() {
        HealthProbes.assertReadinessChecksWhileLivenessDoesNot(as(COORDINATOR), "mongo", "kafka");
    }

    @Test
    void withoutLoginTheApiPortTellsOnlyWhetherTheServiceIsUp() {
        HealthProbes.assertAnonymousSeesOnlyTheStatus(anonymous());
    }

    @Test
    void prometheusShowsTheCoordinationProposalsPerStatusAndTheOutboxBacklog() {
        String scrape = as(COORDINATOR).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("proposalflow_proposals{application=\"proposal-service\",status=\"SUBMITTED\"}")
                .contains("proposalflow_proposals{application=\"proposal-service\",status=\"FUNDED\"}")
                .contains("proposalflow_outbox_backlog{")
                .contains("http_server_requests_seconds");
    }

    @Test
    void theTraceOfARequestIsNamedInTheResponseAndTravelsWithTheEventsItCauses() {
        String id = createDraft(draftBody());
        String traceId = as(OWNER).post().uri("/api/proposals/{id}/submit", id).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");

        List<ConsumerRecord<String, byte[]>> events;
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(id).stream()
                    .anyMatch(e -> TopicProbe.header(e, CloudEventHeaders.TYPE).contains("submitted")), Duration.ofSeconds(30));
            events = probe.withKey(id);
        }
        ConsumerRecord<String, byte[]> submitted = events.stream()
                .filter(e -> TopicProbe.header(e, CloudEventHeaders.TYPE).contains("submitted"))
                .findFirst().orElseThrow();
        assertThat(TraceContexts.traceId(TopicProbe.header(submitted, "traceparent"))).isEqualTo(traceId);
    }

    @Test
    void evenARefusedRequestNamesItsTrace() {
        anonymous().get().uri("/api/proposals").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("X-Trace-Id", "[0-9a-f]{32}");
    }
}
