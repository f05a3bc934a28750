package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.Topics;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.WithTestBackends;
import io.proposalflow.testsupport.ApiContract;

/**
 * Shared set-up of every Spring test in this module: one application context (same
 * configuration everywhere, so Spring caches it) on the real broker and MongoDB-wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.proposalEvents-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.proposalEvents-in-0.consumer.back-off-max-interval=100",
        "review.deadline-check-interval=1s",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN" })
@WithTestBackends
public abstract class ReviewServiceTestBase {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    protected WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("review-service"))
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeaders(h -> h.setBasicAuth(user, "demo"))
                .build();
    }

    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("review-service")).build();
    }

    /** Publishes an event on its topic exactly as the other services' outbox relays do. */
    protected static EventEnvelope send(DomainEvent payload) {
        return send(EventEnvelope.of(payload));
    }

    protected static EventEnvelope send(EventEnvelope event) {
        return EventSender.get().send(event);
    }

    /** Sends an event under another proposal's key: same partition, so it is consumed after that proposal's events. */
    protected static void sendWithKey(String key, DomainEvent payload) {
        EventEnvelope event = EventEnvelope.of(payload);
        EventSender.get().send(event.eventType().topic(), key, event);
    }

    protected static void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        EventSender.get().sendRaw(topic, key, headers, value);
    }

    protected ReviewCaseDocument awaitCase(UUID proposalId, int round, Predicate<ReviewCaseDocument> condition) {
        UUID caseId = ReviewCase.idFor(proposalId, round);
        return await(() -> mongo.findById(caseId.toString(), ReviewCaseDocument.class).block(),
                document -> document != null && condition.test(document));
    }

    protected static <T> T await(Supplier<T> value, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            T current = value.get();
            if (condition.test(current)) {
                return current;
            }
            assertThat(Instant.now()).as("condition not met within %s, last value %s", TIMEOUT, current)
                    .isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Review events published for a proposal, read from review-events until {@code done} holds. */
    protected static List<ReviewEvent> reviewEvents(UUID proposalId, Predicate<List<ReviewEvent>> done) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.REVIEW_EVENTS)) {
            probe.readUntil(records -> done.test(decode(probe.withKey(proposalId.toString()))), TIMEOUT);
            return decode(probe.withKey(proposalId.toString()));
        }
    }

    /** All review events of a proposal after reading for {@code duration}: to show nothing more came. */
    protected static List<ReviewEvent> reviewEventsAfter(UUID proposalId, Duration duration) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.REVIEW_EVENTS)) {
            probe.readFor(duration);
            return decode(probe.withKey(proposalId.toString()));
        }
    }

    protected static <T extends ReviewEvent> List<T> only(Class<T> type, List<ReviewEvent> events) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Decodes records as an idempotent consumer sees them: once per event id. The outbox may
     * publish an event twice (ADR 1: a save racing with the relay writes back an entry that was
     * just published), always under the same id.
     */
    private static List<ReviewEvent> decode(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, ReviewEvent> byId = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = EventEnvelope.decode(headers(record), record.value(), CODEC);
            byId.putIfAbsent(envelope.id(), (ReviewEvent) envelope.data());
        }
        return List.copyOf(byId.values());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
