package io.proposalflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.persistence.AggregateMongoTemplate;
import io.proposalflow.platform.support.TestAggregate;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.MovableClock;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.TestBackends;
import reactor.core.publisher.Mono;

/** The outbox relay against the real broker and the MongoDB-wire server. */
class OutboxRelayTest {

    private static final String COLLECTION = "test_aggregates";
    private static final EventCodec CODEC = new EventCodec();

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestBackends.get().mongoUri());
        String database = "outbox_relay_test_" + UUID.randomUUID().toString().substring(0, 8);
        // the services' template: saves append new outbox entries and leave the relay's lease alone
        mongo = new AggregateMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, database),
                new ReactiveMongoTemplate(client, database).getConverter());
        // the topic exists before the first test sends to it: creating it on the first send can take
        // longer than a relay's send timeout on a busy machine (seen once, under a load average of 20)
        new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS).close();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @org.junit.jupiter.api.AfterEach
    void closeRelays() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void publishesPendingEventsInOrderAsCloudEventsKeyedByProposalAndEmptiesTheOutbox() {
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        EventEnvelope submitted = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        EventEnvelope inReview = statusChange(proposalId, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
        aggregate.enqueue(submitted, CODEC);
        aggregate.enqueue(inReview, CODEC);
        mongo.insert(aggregate).block();

        int published = relay(TestBackends.get().kafkaBootstrapServers()).relayOnce();

        assertThat(published).isEqualTo(2);
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(proposalId.toString()).size() >= 2, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> records = probe.withKey(proposalId.toString());
            assertThat(records).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                    .containsExactly(submitted.id(), inReview.id());
            ConsumerRecord<String, byte[]> first = records.get(0);
            assertThat(TopicProbe.header(first, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicProbe.header(first, CloudEventHeaders.TYPE)).isEqualTo("io.proposalflow.proposal.status-changed.v1");
            assertThat(TopicProbe.header(first, CloudEventHeaders.SOURCE)).isEqualTo(submitted.source());
            assertThat(TopicProbe.header(first, CloudEventHeaders.SUBJECT)).isEqualTo(proposalId.toString());
            assertThat(TopicProbe.header(first, CloudEventHeaders.TIME)).isEqualTo(submitted.time().toString());
            assertThat(TopicProbe.header(first, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(CODEC.decode(TopicProbe.header(first, CloudEventHeaders.TYPE), first.value()))
                    .isEqualTo(submitted.data());
        }
        TestAggregate stored = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        assertThat(stored.getOutbox()).isEmpty();
        assertThat(relay(TestBackends.get().kafkaBootstrapServers()).relayOnce()).isZero();
    }

    @Test
    void eventsWrittenWhileNoRelayRanArePublishedByTheNextRelayToStart() {
        // the service "crashed" after the write and before any publish: only the document exists
        UUID proposalId = UUID.randomUUID();
        EventEnvelope event = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        aggregate.enqueue(event, CODEC);
        mongo.insert(aggregate).block();

        OutboxRelay restarted = relay(TestBackends.get().kafkaBootstrapServers());
        restarted.start();

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> !probe.withKey(proposalId.toString()).isEmpty(), Duration.ofSeconds(20));
            assertThat(probe.withKey(proposalId.toString()))
                    .extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                    .containsExactly(event.id());
        }
    }

    @Test
    void aRefusedWriteLeavesNothingToPublish() {
        UUID proposalId = UUID.randomUUID();
        mongo.insert(new TestAggregate(proposalId.toString())).block();
        TestAggregate first = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        TestAggregate stale = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        first.increment();
        mongo.save(first).block();

        EventEnvelope refused = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN);
        stale.enqueue(refused, CODEC);
        assertThatThrownBy(() -> mongo.save(stale).block()).isInstanceOf(OptimisticLockingFailureException.class);

        relay(TestBackends.get().kafkaBootstrapServers()).relayOnce();
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readFor(Duration.ofSeconds(2));
            assertThat(probe.withKey(proposalId.toString())).isEmpty();
        }
    }

    @Test
    void aSaveRacingTheRelayDoesNotPutBackAnEventTheRelayJustPublished() {
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        EventEnvelope submitted = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        aggregate.enqueue(submitted, CODEC);
        mongo.insert(aggregate).block();
        // a business update loads the document while the event is still in its outbox ...
        TestAggregate loadedBeforePublishing = mongo.findById(proposalId.toString(), TestAggregate.class).block();

        // ... the relay publishes and removes it ...
        assertThat(relay(TestBackends.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(1);

        // ... and the update is saved afterwards, with an event of its own
        EventEnvelope inReview = statusChange(proposalId, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
        loadedBeforePublishing.increment();
        loadedBeforePublishing.enqueue(inReview, CODEC);
        mongo.save(loadedBeforePublishing).block();

        TestAggregate stored = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        assertThat(stored.getCounter()).isEqualTo(1);
        assertThat(stored.getOutbox()).extracting(OutboxEntry::eventId).as("only the new event waits")
                .containsExactly(inReview.id());
    }

    @Test
    void aSaveLeavesTheRelaysLeaseAloneAndRemovesFieldsThatBecameEmpty() {
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        aggregate.setLastTraceId("4bf92f3577b34da6a3ce929d0e0e4736");
        mongo.insert(aggregate).block();
        org.bson.Document lease = new org.bson.Document("owner", "relay-other-instance")
                .append("until", java.util.Date.from(java.time.Instant.now().plusSeconds(30)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(proposalId.toString())),
                new Update().set(OutboxEntry.LEASE_FIELD, lease), TestAggregate.class).block();

        TestAggregate loaded = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        loaded.increment();
        loaded.setLastTraceId(null);
        mongo.save(loaded).block();

        org.bson.Document stored = mongo.findById(proposalId.toString(), org.bson.Document.class, COLLECTION).block();
        assertThat(stored.get(OutboxEntry.LEASE_FIELD, org.bson.Document.class).getString("owner"))
                .as("another relay's claim survives the save").isEqualTo("relay-other-instance");
        assertThat(stored.getInteger("counter")).isEqualTo(1);
        assertThat(stored).doesNotContainKey("lastTraceId");
        assertThat(loaded.getVersion()).isEqualTo(stored.getLong("version"));
        mongo.remove(Query.query(Criteria.where("_id").is(proposalId.toString())), COLLECTION).block();
    }

    @Test
    void onePassPublishesTheEventsOfManyDocumentsEachInItsOwnOrder() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        java.util.Map<UUID, List<String>> expected = new java.util.HashMap<>();
        for (UUID id : ids) {
            TestAggregate aggregate = new TestAggregate(id.toString());
            EventEnvelope submitted = statusChange(id, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
            EventEnvelope inReview = statusChange(id, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
            aggregate.enqueue(submitted, CODEC);
            aggregate.enqueue(inReview, CODEC);
            mongo.insert(aggregate).block();
            expected.put(id, List.of(submitted.id(), inReview.id()));
        }

        assertThat(relay(TestBackends.get().kafkaBootstrapServers()).relayOnce()).isGreaterThanOrEqualTo(6);

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> ids.stream().allMatch(id -> probe.withKey(id.toString()).size() >= 2),
                    Duration.ofSeconds(20));
            for (UUID id : ids) {
                assertThat(probe.withKey(id.toString())).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                        .containsExactlyElementsOf(expected.get(id));
                assertThat(mongo.findById(id.toString(), TestAggregate.class).block().getOutbox()).isEmpty();
            }
        }
    }

    @Test
    void whileTheBrokerIsUnreachableEventsStayInTheOutboxAndGoOutWhenItIsBack() {
        UUID proposalId = UUID.randomUUID();
        EventEnvelope event = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        aggregate.enqueue(event, CODEC);
        mongo.insert(aggregate).block();

        OutboxRelay cutOff = relay("127.0.0.1:" + unusedPort());
        assertThatThrownBy(cutOff::relayOnce).isInstanceOf(OutboxPublisher.OutboxPublishException.class);
        TestAggregate afterFailure = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        assertThat(afterFailure.getOutbox()).extracting(OutboxEntry::eventId).containsExactly(event.id());

        // the failed relay released its lease, so a healthy one can take over at once
        assertThat(relay(TestBackends.get().kafkaBootstrapServers()).relayOnce()).isEqualTo(1);
        assertThat(mongo.findById(proposalId.toString(), TestAggregate.class).block().getOutbox()).isEmpty();
    }

    @Test
    void twoRelaysTogetherPublishEveryEventAndKeepEachProposalsOrder() {
        Map<String, List<String>> expectedPerKey = new LinkedHashMap<>();
        IntStream.range(0, 30).forEach(i -> {
            UUID proposalId = UUID.randomUUID();
            TestAggregate aggregate = new TestAggregate(proposalId.toString());
            List<String> ids = new ArrayList<>();
            for (ProposalStatus[] step : new ProposalStatus[][] {
                    { ProposalStatus.DRAFT, ProposalStatus.SUBMITTED },
                    { ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW },
                    { ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED } }) {
                EventEnvelope event = statusChange(proposalId, step[0], step[1]);
                aggregate.enqueue(event, CODEC);
                ids.add(event.id());
            }
            mongo.insert(aggregate).block();
            expectedPerKey.put(proposalId.toString(), ids);
        });

        OutboxRelay one = relay(TestBackends.get().kafkaBootstrapServers());
        OutboxRelay two = relay(TestBackends.get().kafkaBootstrapServers());
        one.start();
        two.start();

        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> expectedPerKey.keySet().stream()
                    .allMatch(key -> distinctIds(probe.withKey(key)).size() == 3), Duration.ofSeconds(30));
            expectedPerKey.forEach((key, ids) ->
                    assertThat(distinctIds(probe.withKey(key))).as("events of %s in order", key).isEqualTo(ids));
        }
        assertThat(one.publishedCount() + two.publishedCount()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void theBacklogThatMetricsReadIsTheLastCountedFigureUnknownBeforeTheFirstCount() {
        OutboxRelay relay = relay("127.0.0.1:" + unusedPort());
        assertThat(relay.lastKnownPendingCount()).as("not counted yet").isNegative();
        TestAggregate aggregate = new TestAggregate(UUID.randomUUID().toString());
        aggregate.enqueue(statusChange(UUID.randomUUID(), ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), CODEC);
        mongo.insert(aggregate).block();
        try {
            long counted = relay.pendingCount();

            assertThat(counted).isPositive();
            assertThat(relay.lastKnownPendingCount()).isEqualTo(counted);
        } finally {
            // the other tests count what they publish from this collection
            mongo.remove(aggregate).block();
        }
    }

    @Test
    void anEventTheBrokerRefusesIsParkedAfterFewAttemptsWhileFiveHundredOthersArePublishedAtFullSpeed() {
        String collection = "poison_" + UUID.randomUUID().toString().substring(0, 8);
        UUID poisonId = UUID.randomUUID();
        TestAggregate poison = new TestAggregate(poisonId.toString());
        // larger than the producer's max.request.size (1 MB): refused at once, every time
        poison.enqueue(statusChange(poisonId, ProposalStatus.DRAFT, "x".repeat(1_100_000)), CODEC);
        mongo.insert(poison, collection).block();
        List<TestAggregate> others = IntStream.range(0, 500).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            TestAggregate aggregate = new TestAggregate(id.toString());
            aggregate.enqueue(statusChange(id, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), CODEC);
            return aggregate;
        }).toList();
        mongo.insertAll(Mono.just(others), collection).blockLast();

        OutboxRelay relay = relay(TestBackends.get().kafkaBootstrapServers(), collection);
        long started = System.nanoTime();
        relay.start();

        Eventually.until("the refused document still pending", () -> pending(collection) == 1);
        Duration tookForTheOthers = Duration.ofNanos(System.nanoTime() - started);
        Eventually.until("the refused document parked", () -> relay.parkedCount() == 1);
        assertThat(tookForTheOthers).as("500 documents published beside the poison one")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(relay.parked(10)).singleElement().satisfies(parked -> {
            assertThat(parked.get("id")).isEqualTo(poisonId.toString());
            assertThat(parked.get("attempts")).isEqualTo(5);
            assertThat((String) parked.get("error")).contains("RecordTooLarge");
        });
        assertThat(relay.lastError()).as("one refused document is not an outage of the relay").isNull();

        // the operator fixes the cause (here: the event is made smaller) and retries the parked ones
        mongo.updateFirst(Query.query(Criteria.where("_id").is(poisonId.toString())),
                new Update().set(OutboxEntry.FIELD + ".0.payload", new String(CODEC.encode(
                        statusChange(poisonId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED).data()),
                        java.nio.charset.StandardCharsets.UTF_8)), collection)
                .block();
        assertThat(relay.retryParked()).isEqualTo(1);
        Eventually.until("every document published", () -> pending(collection) == 0);
        assertThat(relay.parkedCount()).isZero();
        mongo.dropCollection(collection).block();
    }

    @Test
    void aWriteThatFillsAnEmptyOutboxClaimsItAndHandsItToItsRelayWhichPublishesWithoutLookingForIt() {
        String collection = freshCollection();
        OutboxProperties properties = properties(collection);
        OutboxHandOver handOver = new OutboxHandOver(properties, Clock.systemUTC());
        AggregateMongoTemplate claiming = claimingTemplate(handOver);
        OutboxRelay ours = relay(TestBackends.get().kafkaBootstrapServers(), collection, handOver, Clock.systemUTC());
        handOver.relayWaiting(() -> { });
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        EventEnvelope drafted = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        aggregate.enqueue(drafted, CODEC);
        claiming.insert(aggregate, collection).block();
        assertThat(ours.relayOnce()).as("the insert's event, handed over").isEqualTo(1);
        TestAggregate loaded = claiming.findById(proposalId.toString(), TestAggregate.class, collection).block();
        EventEnvelope inReview = statusChange(proposalId, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
        loaded.increment();
        loaded.enqueue(inReview, CODEC);
        claiming.save(loaded, collection).block();

        org.bson.Document stored = mongo.findById(proposalId.toString(), org.bson.Document.class, collection).block();
        assertThat(stored.get(OutboxEntry.LEASE_FIELD, org.bson.Document.class).getString("owner"))
                .as("the save wrote our relay's lease").isEqualTo(handOver.owner());
        assertThat(relay(TestBackends.get().kafkaBootstrapServers(), collection).relayOnce())
                .as("another relay's query does not take a claimed document").isZero();
        assertThat(ours.relayOnce()).as("the save's event, handed over").isEqualTo(1);

        TestAggregate after = mongo.findById(proposalId.toString(), TestAggregate.class, collection).block();
        assertThat(after.getOutbox()).isEmpty();
        assertThat(mongo.findById(proposalId.toString(), org.bson.Document.class, collection).block())
                .doesNotContainKey(OutboxEntry.LEASE_FIELD);
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(proposalId.toString()).size() >= 2, Duration.ofSeconds(20));
            assertThat(probe.withKey(proposalId.toString())).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                    .containsExactly(drafted.id(), inReview.id());
        }
    }

    @Test
    void eventsHandedToARelayThatDiedArePublishedByAnotherOnceTheLeaseRanOut() {
        String collection = freshCollection();
        OutboxHandOver handOver = new OutboxHandOver(properties(collection), Clock.systemUTC());
        handOver.relayWaiting(() -> { });
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        EventEnvelope event = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        aggregate.enqueue(event, CODEC);
        claimingTemplate(handOver).insert(aggregate, collection).block();
        // the instance dies here: its relay never takes what was handed over

        MovableClock later = new MovableClock(java.time.Instant.now());
        OutboxRelay survivor = relay(TestBackends.get().kafkaBootstrapServers(), collection,
                new OutboxHandOver(properties(collection), later), later);
        assertThat(survivor.relayOnce()).as("the lease still runs").isZero();
        later.advance(Duration.ofSeconds(31));
        assertThat(survivor.relayOnce()).isEqualTo(1);
        assertThat(mongo.findById(proposalId.toString(), TestAggregate.class, collection).block().getOutbox()).isEmpty();
    }

    @Test
    void aRelayThatStopsGivesBackWhatItWasHandedSoAnotherPublishesItAtOnce() {
        String collection = freshCollection();
        OutboxHandOver handOver = new OutboxHandOver(properties(collection), Clock.systemUTC());
        OutboxRelay stopping = relay(TestBackends.get().kafkaBootstrapServers(), collection, handOver,
                Clock.systemUTC());
        handOver.relayWaiting(() -> { });
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        aggregate.enqueue(statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), CODEC);
        claimingTemplate(handOver).insert(aggregate, collection).block();

        stopping.stop();

        assertThat(mongo.findById(proposalId.toString(), org.bson.Document.class, collection).block())
                .doesNotContainKey(OutboxEntry.LEASE_FIELD);
        assertThat(relay(TestBackends.get().kafkaBootstrapServers(), collection).relayOnce())
                .as("published by another relay without waiting for the lease").isEqualTo(1);
    }

    @Test
    void aSaveNextToOlderEntriesLeavesThemToTheRelayThatMayHoldThemAndClaimsNothing() {
        String collection = freshCollection();
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        EventEnvelope older = statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED);
        aggregate.enqueue(older, CODEC);
        mongo.insert(aggregate, collection).block();
        OutboxHandOver handOver = new OutboxHandOver(properties(collection), Clock.systemUTC());
        handOver.relayWaiting(() -> { });
        AggregateMongoTemplate claiming = claimingTemplate(handOver);

        TestAggregate loaded = claiming.findById(proposalId.toString(), TestAggregate.class, collection).block();
        EventEnvelope newer = statusChange(proposalId, ProposalStatus.SUBMITTED, ProposalStatus.IN_REVIEW);
        loaded.increment();
        loaded.enqueue(newer, CODEC);
        claiming.save(loaded, collection).block();

        assertThat(mongo.findById(proposalId.toString(), org.bson.Document.class, collection).block())
                .doesNotContainKey(OutboxEntry.LEASE_FIELD);
        assertThat(handOver.takeAll()).isEmpty();
        assertThat(relay(TestBackends.get().kafkaBootstrapServers(), collection).relayOnce()).isEqualTo(2);
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> probe.withKey(proposalId.toString()).size() >= 2, Duration.ofSeconds(20));
            assertThat(probe.withKey(proposalId.toString())).extracting(r -> TopicProbe.header(r, CloudEventHeaders.ID))
                    .containsExactly(older.id(), newer.id());
        }
    }

    @Test
    void aWriteClaimsNothingWhileItsRelayIsNotRunning() {
        String collection = freshCollection();
        OutboxHandOver handOver = new OutboxHandOver(properties(collection), Clock.systemUTC());
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        aggregate.enqueue(statusChange(proposalId, ProposalStatus.DRAFT, ProposalStatus.SUBMITTED), CODEC);
        claimingTemplate(handOver).insert(aggregate, collection).block();

        assertThat(mongo.findById(proposalId.toString(), org.bson.Document.class, collection).block())
                .doesNotContainKey(OutboxEntry.LEASE_FIELD);
        assertThat(relay(TestBackends.get().kafkaBootstrapServers(), collection).relayOnce()).isEqualTo(1);
    }

    private static String freshCollection() {
        return "claimed_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AggregateMongoTemplate claimingTemplate(OutboxHandOver handOver) {
        AggregateMongoTemplate template = new AggregateMongoTemplate(
                new SimpleReactiveMongoDatabaseFactory(client, mongo.getMongoDatabase().block().getName()),
                mongo.getConverter());
        template.setOutboxHandOver(handOver);
        return template;
    }

    private static OutboxProperties properties(String collection) {
        return new OutboxProperties(List.of(collection), Duration.ofMillis(50), Duration.ofSeconds(30), 10, null, 0);
    }

    @Test
    void retryDelaysGrowPerAttemptUpToTenSeconds() {
        assertThat(OutboxRelay.retryDelay(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(OutboxRelay.retryDelay(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(OutboxRelay.retryDelay(30)).isEqualTo(Duration.ofSeconds(10));
    }

    private static long pending(String collection) {
        return mongo.count(Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)), collection).block();
    }

    private static List<String> distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TopicProbe.header(r, CloudEventHeaders.ID)).distinct().toList();
    }

    private OutboxRelay relay(String bootstrapServers) {
        return relay(bootstrapServers, COLLECTION);
    }

    private OutboxRelay relay(String bootstrapServers, String collection) {
        return relay(bootstrapServers, collection, new OutboxHandOver(properties(collection), Clock.systemUTC()),
                Clock.systemUTC());
    }

    private OutboxRelay relay(String bootstrapServers, String collection, OutboxHandOver handOver, Clock clock) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        OutboxPublisher publisher = new OutboxPublisher(
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, byte[]>(props)), Duration.ofSeconds(5));
        OutboxRelay relay = new OutboxRelay(mongo, publisher, properties(collection), clock, handOver);
        toClose.add(relay::stop);
        toClose.add(publisher);
        return relay;
    }

    private static EventEnvelope statusChange(UUID proposalId, ProposalStatus from, ProposalStatus to) {
        return EventEnvelope.of(new ProposalStatusChanged(proposalId, 1, Themenfeld.WORK_ECONOMY,
                "Pflegeausbildung für alleinerziehende Migrantinnen", from, to, null));
    }

    /** A status change whose reason makes it as large as the caller wants. */
    private static EventEnvelope statusChange(UUID proposalId, ProposalStatus from, String reason) {
        return EventEnvelope.of(new ProposalStatusChanged(proposalId, 1, Themenfeld.WORK_ECONOMY,
                "Pflegeausbildung für alleinerziehende Migrantinnen", from, ProposalStatus.SUBMITTED, reason));
    }

    private static int unusedPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
