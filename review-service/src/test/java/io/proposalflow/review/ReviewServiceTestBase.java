package io.proposalflow.review;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Consumer;

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
import io.proposalflow.testsupport.Eventually;
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

    /** For blocking calls of the application's own Monos in tests. */
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

    /** Waits until the case of the proposal's review round exists and satisfies the condition. */
    protected ReviewCaseDocument awaitCase(UUID proposalId, int round, Predicate<ReviewCaseDocument> condition) {
        UUID caseId = ReviewCase.idFor(proposalId, round);
        return Eventually.value("the review case of proposal " + proposalId + ", round " + round
                        + ", to be stored in the expected state",
                () -> mongo.findById(caseId.toString(), ReviewCaseDocument.class).block(),
                document -> document != null && condition.test(document));
    }

    /** Review events published for a proposal, read from review-events until {@code done} holds. */
    protected static List<ReviewEvent> reviewEvents(UUID proposalId, Predicate<List<ReviewEvent>> done) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.REVIEW_EVENTS)) {
            return Eventually.value("the review events of proposal " + proposalId + " to be published", () -> {
                probe.readUntil(records -> done.test(decode(probe.withKey(proposalId.toString()))),
                        Duration.ofMillis(250));
                return decode(probe.withKey(proposalId.toString()));
            }, done);
        }
    }

    /**
     * Proves that no more review events of a proposal were published than {@code check} accepts
     * (e.g. a reminder sent twice), with {@link Eventually#nothingHappened}: the test first causes a
     * later event of the same case, the {@code marker}; a case's events leave its outbox in order
     * and travel on one partition (the proposal's key), so once the marker is on the topic, every
     * event announced before it is there too, and only then are they checked.
     */
    protected static void nothingMorePublished(String what, UUID proposalId, Class<? extends ReviewEvent> marker,
            Consumer<List<ReviewEvent>> check) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.REVIEW_EVENTS)) {
            Predicate<List<ConsumerRecord<String, byte[]>>> markerSeen =
                    records -> !only(marker, decode(probe.withKey(proposalId.toString()))).isEmpty();
            Eventually.nothingHappened(what,
                    () -> markerSeen.test(probe.readUntil(markerSeen, Duration.ofMillis(250))),
                    () -> check.accept(decode(probe.withKey(proposalId.toString()))));
        }
    }

    /** Waits until the probe has read records with this key (published, or dead-lettered); returns them. */
    protected static List<ConsumerRecord<String, byte[]>> awaitRecords(TopicProbe probe, String key) {
        return Eventually.value("records with key " + key + " on the probed topic", () -> {
            probe.readUntil(records -> !probe.withKey(key).isEmpty(), Duration.ofMillis(250));
            return probe.withKey(key);
        }, records -> !records.isEmpty());
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
