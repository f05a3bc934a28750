package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.tracing.TraceContexts;
import io.proposalflow.testsupport.HealthProbes;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;

/** Probes, metrics and tracing as operators and support staff use them. */
class ObservabilityTest extends ReviewServiceTestBase {

    @Test
    void readinessChecksTheDependenciesWhileLivenessChecksOnlyTheProcess() {
        HealthProbes.assertReadinessChecksWhileLivenessDoesNot(as("koordination"), "mongo", "kafka");
    }

    @Test
    void withoutLoginTheApiPortTellsOnlyWhetherTheServiceIsUp() {
        HealthProbes.assertAnonymousSeesOnlyTheStatus(anonymous());
    }

    @Test
    void prometheusShowsTheCoordinationReviewTurnaroundDecisionsAndTheOutboxBacklog() {
        String scrape = as("koordination").get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .contains("proposalflow_review_turnaround_seconds_count{application=\"review-service\",outcome=\"APPROVED\"}")
                .contains("proposalflow_review_decisions_total{application=\"review-service\",decision=\"REQUEST_CHANGES\"}")
                .contains("proposalflow_outbox_backlog{");
    }

    @Test
    void anApiResponseNamesItsTrace() {
        as("koordination").get().uri("/api/panels").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("X-Trace-Id", "[0-9a-f]{32}");
    }

    @Test
    void theReviewOpenedForASubmissionCarriesTheSubmissionsTrace() {
        UUID proposalId = UUID.randomUUID();
        EventEnvelope submitted = EventEnvelope.of(new ProposalSubmitted(proposalId, 1,
                EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>(submitted.headers());
        headers.put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        sendRaw(Topics.PROPOSAL_EVENTS, proposalId.toString(), CODEC.encode(submitted.data()), headers);

        List<ConsumerRecord<String, byte[]>> published;
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.REVIEW_EVENTS)) {
            published = awaitRecords(probe, proposalId.toString());
        }
        assertThat(published).isNotEmpty().allSatisfy(record -> {
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).startsWith("io.proposalflow.review.");
            assertThat(TraceContexts.traceId(TopicProbe.header(record, "traceparent"))).isEqualTo(traceId);
        });
    }
}
