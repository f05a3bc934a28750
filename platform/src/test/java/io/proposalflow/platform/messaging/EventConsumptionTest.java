package io.proposalflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.support.PlatformTestApplication;
import io.proposalflow.platform.support.TestAggregate;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.WithTestBackends;

/**
 * A real Spring Cloud Stream consumer on the real broker: redelivered events have no second
 * effect, and messages that cannot be handled go to the dead-letter topic while the partition
 * moves on.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.cloud.function.definition=countEvents",
        "spring.cloud.stream.bindings.countEvents-in-0.destination=" + EventConsumptionTest.TOPIC,
        "spring.cloud.stream.bindings.countEvents-in-0.group=" + EventConsumptionTest.GROUP,
        "spring.cloud.stream.bindings.countEvents-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.countEvents-in-0.consumer.back-off-max-interval=100",
        "spring.main.web-application-type=none" })
@WithTestBackends
class EventConsumptionTest {

    static final String TOPIC = "platform-test-events";
    static final String GROUP = "platform-test";
    static final String DEAD_LETTERS = "error." + TOPIC + "." + GROUP;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID proposalId = givenAggregate();
        EventEnvelope first = statusChange(proposalId);
        EventEnvelope second = statusChange(proposalId);

        send(first);
        send(first); // redelivery, as after a consumer crash before its offset commit
        send(second);

        awaitConsumed(proposalId, second.id());
        assertThat(counter(proposalId)).isEqualTo(2);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID proposalId = givenAggregate();
        EventEnvelope garbage = statusChange(proposalId);
        send(garbage.id(), garbage.type(), proposalId, "{not json".getBytes(StandardCharsets.UTF_8));
        send(UUID.randomUUID().toString(), "io.proposalflow.unknown.v1", proposalId, "{}".getBytes(StandardCharsets.UTF_8));
        EventEnvelope good = statusChange(proposalId);
        send(good);

        awaitConsumed(proposalId, good.id());
        assertThat(counter(proposalId)).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> dead = deadLettersFor(proposalId, 2);
        assertThat(dead).hasSize(2);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(dead).extracting(r -> TopicProbe.header(r, "kafka_dlt-exception-message"))
                .anySatisfy(message -> assertThat(message).contains(garbage.type()))
                .anySatisfy(message -> assertThat(message).contains("io.proposalflow.unknown.v1"));
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }

    @Test
    void aMessageThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
        UUID proposalId = givenAggregate();
        EventEnvelope poison = EventEnvelope.of(new ProposalWithdrawn(proposalId, 2, ProposalStatus.SUBMITTED,
                PlatformTestApplication.ALWAYS_FAILS, "fg-work"));
        EventEnvelope good = statusChange(proposalId);
        send(poison);
        send(good);

        awaitConsumed(proposalId, good.id());
        List<ConsumerRecord<String, byte[]>> dead = deadLettersFor(proposalId, 1);
        assertThat(dead).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID)).containsExactly(poison.id());
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("cannot handle " + poison.id());
        assertThat(counter(proposalId)).isEqualTo(1);
    }

    private UUID givenAggregate() {
        UUID proposalId = UUID.randomUUID();
        mongo.insert(new TestAggregate(proposalId.toString())).block();
        return proposalId;
    }

    private int counter(UUID proposalId) {
        return mongo.findById(proposalId.toString(), TestAggregate.class).block().getCounter();
    }

    private void awaitConsumed(UUID proposalId, String eventId) {
        Eventually.until("event " + eventId + " consumed",
                () -> mongo.findById(proposalId.toString(), TestAggregate.class).block().hasConsumed(eventId));
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersFor(UUID proposalId, int expected) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), DEAD_LETTERS)) {
            probe.readUntil(r -> probe.withKey(proposalId.toString()).size() >= expected, Duration.ofSeconds(20));
            return probe.withKey(proposalId.toString());
        }
    }

    private static void send(EventEnvelope event) {
        EventSender.get().send(TOPIC, event.subject(), event);
    }

    private static void send(String id, String type, UUID proposalId, byte[] body) {
        EventSender.get().sendRaw(TOPIC, proposalId.toString(), Map.of(
                CloudEventHeaders.ID, id,
                CloudEventHeaders.SOURCE, "urn:test",
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TYPE, type,
                CloudEventHeaders.TIME, Instant.now().toString()), body);
    }

    private static EventEnvelope statusChange(UUID proposalId) {
        return EventEnvelope.of(new ProposalStatusChanged(proposalId, 3, Themenfeld.LOCAL_LIVING,
                "Quartiersmanagement Akti(F) in Goslar-Oker", ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW, null));
    }
}
