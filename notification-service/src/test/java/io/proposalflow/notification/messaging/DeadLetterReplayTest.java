package io.proposalflow.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;

/**
 * A review event whose proposal never arrives no longer holds its partition forever: after the
 * configured wait (8 s in the shared test context, see IntegrationTest) it is dead-lettered with its cause, later events go on, and once the proposal has
 * arrived an operator sends it back (POST /actuator/deadletters) and its mail goes out.
 */
class DeadLetterReplayTest extends IntegrationTest {

    private static final String DEAD_LETTERS = "error.review-events.notification-service";
    private static final String KATRIN = "katrin.vogel@example.org";

    @Test
    void anEventWaitingTooLongIsDeadLetteredLaterEventsGoOnAndAReplayDeliversItOnceItsProposalCame() {
        ProposalSubmitted late = newSubmission("Stadtteilküche");
        EventEnvelope waiting = publish(new ReviewersAssigned(UUID.randomUUID(), late.proposalId(),
                List.of("rev-wohnen"), true));

        try (TopicProbe dlq = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), DEAD_LETTERS)) {
            var dead = dlq.readUntil(records -> records.stream()
                    .anyMatch(r -> waiting.id().equals(TopicProbe.header(r, CloudEventHeaders.ID))), TIMEOUT);
            assertThat(dead).filteredOn(r -> waiting.id().equals(TopicProbe.header(r, CloudEventHeaders.ID)))
                    .singleElement().satisfies(r -> assertThat(TopicProbe.header(r, "kafka_dlt-exception-message"))
                            .contains("not known yet"));
        }

        // the partition moved on: a later review event of another proposal is mailed
        ProposalSubmitted other = newSubmission("Lesepaten");
        publish(other);
        publish(new ReviewersAssigned(UUID.randomUUID(), other.proposalId(), List.of("rev-wohnen"), true));
        awaitOne(KATRIN, other.content().title());

        // the cause is fixed (the proposal's event arrives), then the operator replays
        publish(late);
        awaitOne(ANNA, late.content().title());
        assertThat(Mailbox.read(host(), imapPort(), KATRIN, late.content().title())).isEmpty();
        coordinator().post().uri("/actuator/deadletters").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("topic", DEAD_LETTERS)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").value(n -> assertThat(((Number) n).intValue()).isPositive());

        assertThat(awaitOne(KATRIN, "Bitte um Begutachtung: „" + late.content().title()).text())
                .contains("Guten Tag Katrin Vogel,");
        // a second replay sends nothing again
        coordinator().post().uri("/actuator/deadletters").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("topic", DEAD_LETTERS)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(0);
    }

    @Test
    void onlyTheCoordinationMayReplay() {
        client().mutate().defaultHeaders(h -> h.setBasicAuth("fg-wohnen", "demo")).build()
                .post().uri("/actuator/deadletters").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("topic", DEAD_LETTERS)).exchange()
                .expectStatus().isForbidden();
    }
}
