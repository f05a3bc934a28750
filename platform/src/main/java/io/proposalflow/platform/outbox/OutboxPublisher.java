package io.proposalflow.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * The same producer, waiting at most {@code timeout} per send: for a caller that has a way out when
     * the broker is slow (closing the copy does not close the shared producer; only this one closes it).
     */
    public OutboxPublisher withSendTimeout(Duration timeout) {
        return new OutboxPublisher(kafka, timeout) {
            @Override
            public void close() {
                // the producer belongs to the publisher this copy was made of
            }
        };
    }

    /**
     * What {@link #publishAll} achieved: per document, the ids the broker acknowledged (a prefix of
     * its entries), and per document whose entries were not all acknowledged, why.
     */
    public record BatchResult(Map<Object, List<String>> acknowledged, Map<Object, OutboxPublishException> failures) {

        /** The first failure, or null when everything was published. */
        public OutboxPublishException failure() {
            return failures.isEmpty() ? null : failures.values().iterator().next();
        }
    }

    /**
     * Publishes the entries of several documents at once: every send is started before any is
     * awaited, so the batch costs one round of broker acknowledgements. Per document, the entries
     * keep their order (same key, same partition, idempotent producer) and what is acknowledged is
     * the prefix up to its first failure, so a later event of a document never counts as published
     * before an earlier one. Documents are independent: one's failure does not stop the others.
     */
    public BatchResult publishAll(Map<Object, List<OutboxEntry>> entriesByDocument) {
        Map<Object, List<CompletableFuture<?>>> sends = new LinkedHashMap<>();
        for (Map.Entry<Object, List<OutboxEntry>> document : entriesByDocument.entrySet()) {
            List<CompletableFuture<?>> documentSends = new ArrayList<>();
            for (OutboxEntry entry : document.getValue()) {
                try {
                    documentSends.add(kafka.send(toRecord(entry)));
                } catch (RuntimeException e) {
                    documentSends.add(CompletableFuture.failedFuture(e));
                    break;
                }
            }
            sends.put(document.getKey(), documentSends);
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        Map<Object, OutboxPublishException> failures = new LinkedHashMap<>();
        for (Map.Entry<Object, List<OutboxEntry>> document : entriesByDocument.entrySet()) {
            List<OutboxEntry> entries = document.getValue();
            List<CompletableFuture<?>> documentSends = sends.get(document.getKey());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < documentSends.size(); i++) {
                try {
                    documentSends.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    ids.add(entries.get(i).eventId());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    failures.put(document.getKey(), new OutboxPublishException(entries.get(i).eventId(), ids, e));
                    break;
                }
            }
            acknowledged.put(document.getKey(), ids);
        }
        return new BatchResult(acknowledged, failures);
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

        /**
         * Whether the broker may take the event later (it is away, or slow: Kafka's retriable errors
         * and timeouts), rather than refusing this event itself (too large, an invalid topic, ...).
         */
        public boolean mayPassByItself() {
            for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.apache.kafka.common.errors.RetriableException || t instanceof TimeoutException) {
                    return true;
                }
            }
            return false;
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
