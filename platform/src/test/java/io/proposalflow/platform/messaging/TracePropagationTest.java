package io.proposalflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalStatusChanged;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.events.Topics;
import io.proposalflow.platform.outbox.OutboxEntry;
import io.proposalflow.platform.outbox.OutboxProperties;
import io.proposalflow.platform.outbox.OutboxPublisher;
import io.proposalflow.platform.outbox.OutboxRelay;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.support.PlatformTestApplication;
import io.proposalflow.platform.support.TestAggregate;
import io.proposalflow.platform.tracing.TraceContexts;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.Eventually;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;
import io.proposalflow.testsupport.WithTestBackends;

/**
 * A trace survives the two hops where no thread carries it: from the code that enqueues an event
 * through the outbox into the Kafka record's {@code traceparent} header, and from that header into
 * the consumer that handles the record and the events it enqueues in turn. Same configuration as
 * {@link EventConsumptionTest}, so the two share one application context.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.cloud.function.definition=countEvents",
        "spring.cloud.stream.bindings.countEvents-in-0.destination=" + EventConsumptionTest.TOPIC,
        "spring.cloud.stream.bindings.countEvents-in-0.group=" + EventConsumptionTest.GROUP,
        "spring.cloud.stream.bindings.countEvents-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.countEvents-in-0.consumer.back-off-max-interval=100",
        "spring.main.web-application-type=none" })
@WithTestBackends
class TracePropagationTest {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Tracer tracer;
    @Autowired
    OutboxPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    IdempotentUpdater updater;

    @Test
    void anEventEnqueuedInsideATraceIsPublishedWithThatTraceInItsHeaders() {
        UUID proposalId = UUID.randomUUID();
        TestAggregate aggregate = new TestAggregate(proposalId.toString());
        Span span = tracer.nextSpan().name("http request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            aggregate.enqueue(statusChange(proposalId, null), codec);
        } finally {
            span.end();
        }
        mongo.insert(aggregate).block();

        relayOnce();

        ConsumerRecord<String, byte[]> record = publishedFor(proposalId);
        String traceparent = TopicProbe.header(record, "traceparent");
        assertThat(TraceContexts.traceId(traceparent)).isEqualTo(span.context().traceId());
        assertThat(TopicProbe.header(record, "ce_traceparent")).isEqualTo(traceparent);
    }

    @Test
    void aConsumerContinuesTheTraceOfTheRecordAndTheEventsItEnqueuesCarryIt() {
        UUID proposalId = UUID.randomUUID();
        mongo.insert(new TestAggregate(proposalId.toString())).block();
        String traceId = "4bf92f3577b34da6a3ce929d" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope event = statusChange(proposalId, PlatformTestApplication.ECHO);

        Map<String, String> headers = new HashMap<>(event.headers());
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        EventSender.get().sendRaw(EventConsumptionTest.TOPIC, proposalId.toString(), headers, codec.encode(event.data()));

        TestAggregate handled = awaitConsumed(proposalId, event.id());
        assertThat(handled.getLastTraceId()).as("trace on the consumer's thread").isEqualTo(traceId);
        assertThat(handled.getOutbox()).singleElement()
                .extracting(entry -> TraceContexts.traceId(entry.traceparent()))
                .as("trace of the event the consumer enqueued").isEqualTo(traceId);

        relayOnce();
        assertThat(TraceContexts.traceId(TopicProbe.header(publishedFor(proposalId), "traceparent")))
                .as("trace handed on to the next service").isEqualTo(traceId);
    }

    @Test
    void workDoneLaterOnAnotherThreadContinuesAStoredTraceIntoTheEventsItEnqueues() {
        UUID proposalId = UUID.randomUUID();
        mongo.insert(new TestAggregate(proposalId.toString())).block();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        // as the notification dispatcher does with the traceparent kept on a notification
        try (TraceContexts.Scope ignored = TraceContexts.continueTrace("00-" + traceId + "-a2fb4a1d1a96d312-01",
                "test.continue")) {
            assertThat(TraceContexts.currentTraceId()).isEqualTo(traceId);
            // the change runs on a MongoDB driver thread, where only Reactor's context propagation brings the trace
            updater.applyOnce(TestAggregate.class, proposalId.toString(), UUID.randomUUID().toString(),
                    aggregate -> aggregate.enqueue(statusChange(proposalId, null), codec)).block();
        }
        assertThat(TraceContexts.currentTraceId()).as("scope closed").isNull();

        TestAggregate stored = mongo.findById(proposalId.toString(), TestAggregate.class).block();
        assertThat(stored.getOutbox()).singleElement()
                .extracting(entry -> TraceContexts.traceId(entry.traceparent())).isEqualTo(traceId);
    }

    @Test
    void anEntryStoredBeforeTracingExistedIsPublishedWithoutTraceHeaders() {
        OutboxEntry old = new OutboxEntry(UUID.randomUUID().toString(), "t", "k", "type", "urn:s", "k",
                Instant.now(), "{}", null);
        assertThat(OutboxPublisher.toRecord(old).headers().lastHeader("traceparent")).isNull();
    }

    private void relayOnce() {
        new OutboxRelay(mongo, publisher, new OutboxProperties(List.of("test_aggregates"), null, null, 0, null, 0),
                java.time.Clock.systemUTC())
                .relayOnce();
    }

    private ConsumerRecord<String, byte[]> publishedFor(UUID proposalId) {
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.PROPOSAL_EVENTS)) {
            probe.readUntil(r -> !probe.withKey(proposalId.toString()).isEmpty(), Duration.ofSeconds(20));
            assertThat(probe.withKey(proposalId.toString())).hasSize(1);
            return probe.withKey(proposalId.toString()).get(0);
        }
    }

    private TestAggregate awaitConsumed(UUID proposalId, String eventId) {
        return Eventually.value("event " + eventId + " consumed",
                () -> mongo.findById(proposalId.toString(), TestAggregate.class).block(),
                aggregate -> aggregate != null && aggregate.hasConsumed(eventId));
    }

    private static EventEnvelope statusChange(UUID proposalId, String reason) {
        return EventEnvelope.of(new ProposalStatusChanged(proposalId, 3, Themenfeld.HEALTH,
                "Pflegeausbildung in Teilzeit mit Kinderbetreuung", ProposalStatus.IN_REVIEW, ProposalStatus.APPROVED,
                reason));
    }
}
