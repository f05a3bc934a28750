package io.proposalflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventType;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.outbox.OutboxRelay;
import io.proposalflow.proposal.persistence.ProposalRepository;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.ApiContract;

/**
 * The service stops after a change was written and before its events were published; the next
 * instance to start publishes them. Two real application contexts on one database.
 */
class RestartTest {

    @Test
    void eventsOfAChangeWrittenBeforeAStopArePublishedByTheNextStart() {
        String database = "restart_" + UUID.randomUUID().toString().substring(0, 8);
        String id;
        try (ConfigurableApplicationContext first = start(database)) {
            // the relay is stopped, as if the process died right after the write
            first.getBean(OutboxRelay.class).stop();
            WebTestClient client = client(first, ServiceTest.OWNER);
            id = client.post().uri("/api/proposals").bodyValue(ServiceTest.draftBody()).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
            client.post().uri("/api/proposals/{id}/submit", id).exchange().expectStatus().isOk();
            client.post().uri("/api/proposals/{id}/withdraw", id).bodyValue(Map.of("reason", "Doppelt eingereicht"))
                    .exchange().expectStatus().isOk();
            assertThat(first.getBean(ProposalRepository.class).findById(id).block().getOutbox())
                    .as("written, not yet published").hasSize(2);
        }
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            try (ConfigurableApplicationContext second = start(database)) {
                probe.readUntil(r -> types(probe, id).size() >= 2, Duration.ofSeconds(30));
                // each once, in order: the first instance had published none of them
                assertThat(types(probe, id)).containsExactly(EventType.PROPOSAL_SUBMITTED.type(),
                        EventType.PROPOSAL_WITHDRAWN.type());
            }
        }
    }

    private static List<String> types(TopicProbe probe, String key) {
        return probe.allWithKey(key).stream().map(r -> TopicProbe.header(r, CloudEventHeaders.TYPE)).toList();
    }

    private static ConfigurableApplicationContext start(String database) {
        TestBackends backends = TestBackends.get();
        // command-line arguments: they outrank the service's application.yml, as in production
        return new SpringApplicationBuilder(ProposalServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + backends.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + backends.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + backends.mongoUri(database),
                "--logging.level.kafka=WARN", "--logging.level.org.apache.kafka=WARN");
    }

    private static WebTestClient client(ConfigurableApplicationContext context, String user) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("proposal-service"))
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, "demo")).build();
    }
}
