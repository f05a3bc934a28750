package io.proposalflow.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.platform.tracing.TraceContexts;

/**
 * One event waiting to be published, stored inside the document whose change it announces
 * (field {@value #FIELD}), so that the change and its event are a single atomic write.
 * The payload is kept as the exact JSON text that will go on the wire.
 *
 * <p>{@code traceparent} is the W3C trace context current when the event was enqueued (the HTTP
 * request or consumed event that caused it), so that the relay, which publishes later on its own
 * thread, can hand the trace on in a Kafka header. It is {@code null} outside a trace and in
 * entries stored before it existed.
 */
public record OutboxEntry(
        String eventId,
        String topic,
        String key,
        String type,
        String source,
        String subject,
        Instant time,
        String payload,
        String traceparent) {

    /** Name of the array field that holds pending entries in an aggregate document. */
    public static final String FIELD = "outbox";
    /** Name of the field in which a relay instance records its claim on a document. */
    public static final String LEASE_FIELD = "outboxLease";

    public static OutboxEntry of(EventEnvelope envelope, EventCodec codec) {
        return new OutboxEntry(
                envelope.id(),
                envelope.eventType().topic(),
                envelope.data().proposalId().toString(),
                envelope.type(),
                envelope.source(),
                envelope.subject(),
                envelope.time(),
                new String(codec.encode(envelope.data()), StandardCharsets.UTF_8),
                TraceContexts.currentTraceparent());
    }

    /** Reads an entry from the raw BSON the relay sees (the relay works on any collection). */
    static OutboxEntry fromDocument(Document d) {
        Object time = d.get("time");
        Instant instant = time instanceof Date date ? date.toInstant() : (Instant) time;
        return new OutboxEntry(
                d.getString("eventId"),
                d.getString("topic"),
                d.getString("key"),
                d.getString("type"),
                d.getString("source"),
                d.getString("subject"),
                instant,
                d.getString("payload"),
                d.getString(TraceContexts.TRACEPARENT));
    }
}
