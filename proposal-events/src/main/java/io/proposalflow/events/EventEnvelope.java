package io.proposalflow.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One CloudEvent: the context attributes and the payload. On Kafka the attributes travel as headers
 * (binary content mode, see {@link CloudEventHeaders}) and the payload as the message value.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param subject the proposal id, so a reader of headers alone knows which proposal an event concerns
 * @param time    when the change happened, not when it was published
 */
public record EventEnvelope(String id, String source, String type, String subject, Instant time, DomainEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!EventType.of(data).type().equals(type)) {
            throw new IllegalArgumentException(
                    "type " + type + " does not match payload " + data.getClass().getSimpleName());
        }
    }

    /** A new event for {@code data}, happening now. */
    public static EventEnvelope of(DomainEvent data) {
        EventType eventType = EventType.of(data);
        return new EventEnvelope(UUID.randomUUID().toString(), eventType.source(), eventType.type(),
                data.proposalId().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }

    public EventType eventType() {
        return EventType.of(data);
    }

    /** Kafka record headers for binary content mode; the Kafka key is {@code data().proposalId()}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TYPE, type);
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        if (time != null) {
            headers.put(CloudEventHeaders.TIME, time.toString());
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /**
     * Reads a Kafka message in binary content mode. Subject and time are optional, as in CloudEvents.
     *
     * @throws MalformedEventException naming the first problem found
     */
    public static EventEnvelope decode(Map<String, String> headers, byte[] body, EventCodec codec) {
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("unsupported " + CloudEventHeaders.SPEC_VERSION + " " + specVersion
                    + ", expected " + CloudEventHeaders.SPEC_VERSION_1_0);
        }
        String id = required(headers, CloudEventHeaders.ID);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String type = required(headers, CloudEventHeaders.TYPE);
        String contentType = headers.get(CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new MalformedEventException("unsupported " + CloudEventHeaders.CONTENT_TYPE + " " + contentType
                    + " for type " + type + ", expected " + CloudEventHeaders.JSON);
        }
        EventType eventType = EventType.fromType(type)
                .orElseThrow(() -> new MalformedEventException("unknown type " + type));
        Instant time = parseTime(headers.get(CloudEventHeaders.TIME));
        DomainEvent data = codec.decode(eventType, body);
        return new EventEnvelope(id, source, type, headers.get(CloudEventHeaders.SUBJECT), time, data);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing " + name);
        }
        return value;
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("invalid " + CloudEventHeaders.TIME + " " + value
                    + ", expected an RFC 3339 timestamp", e);
        }
    }
}
