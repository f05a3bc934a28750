package io.proposalflow.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.platform.tracing.TraceContexts;

/**
 * Sends outbox entries to Kafka as CloudEvents in binary mode: the attributes travel as
 * {@code ce_*} headers, the payload is the JSON body, the key is the proposal id.
 */
public class OutboxPublisher implements AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;

    public OutboxPublisher(KafkaTemplate<String, byte[]> kafka, Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    /**
     * Publishes the entries in order and returns the ids of those the broker acknowledged,
     * stopping at the first failure so a later event never overtakes an earlier one.
     */
    public List<String> publishInOrder(List<OutboxEntry> entries) {
        // All sends are started before any is awaited; the idempotent producer keeps their
        // order per partition, so this is as safe as one-by-one and much faster.
        List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            try {
                sends.add(kafka.send(toRecord(entry)));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<String> acknowledged = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(entries.get(i).eventId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return acknowledged;
            } catch (ExecutionException | TimeoutException e) {
                throw new OutboxPublishException(entries.get(i).eventId(), acknowledged, e);
            }
        }
        return acknowledged;
    }

    @Override
    public void close() {
        if (kafka.getProducerFactory() instanceof DisposableBean factory) {
            try {
                factory.destroy();
            } catch (Exception e) {
                // closing on shutdown; nothing left to do with a failure here
            }
        }
    }

    /** The Kafka record for an entry: key, JSON body, CloudEvents headers and the trace it belongs to. */
    public static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, entry.eventId());
        header(headers, CloudEventHeaders.SOURCE, entry.source());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.TYPE, entry.type());
        header(headers, CloudEventHeaders.SUBJECT, entry.subject());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(entry.time()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (TraceContexts.isValid(entry.traceparent())) {
            // W3C name for standard tooling (the consumer's Kafka observation reads it); the
            // CloudEvents distributed-tracing extension's name for CloudEvents-aware readers
            header(headers, TraceContexts.TRACEPARENT, entry.traceparent());
            header(headers, TraceContexts.CE_TRACEPARENT, entry.traceparent());
        }
        return new ProducerRecord<>(entry.topic(), null, entry.key(),
                entry.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Some entries could not be published; {@link #acknowledged()} were. */
    public static class OutboxPublishException extends RuntimeException {
        private final transient List<String> acknowledged;

        OutboxPublishException(String eventId, List<String> acknowledged, Throwable cause) {
            super("publishing outbox event " + eventId + " failed: " + rootMessage(cause), cause);
            this.acknowledged = List.copyOf(acknowledged);
        }

        public List<String> acknowledged() {
            return acknowledged;
        }

        private static String rootMessage(Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
