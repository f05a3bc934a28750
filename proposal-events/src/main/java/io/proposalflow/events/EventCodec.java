package io.proposalflow.events;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes event payloads as the JSON the schemas in {@code schemas/} describe. Thread-safe; use
 * {@link #instance()} rather than a mapper of your own, so that every service writes the same shape.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final JsonMapper mapper = JsonMapper.builder()
            // Dates as ISO-8601 strings: readable in Kafka tools and exact across languages.
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Amounts and averages are JSON numbers (ADR 11), written as their exact decimal, never "1.25E+5".
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // An older consumer must accept a payload to which a newer producer added a property.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Producers write every property, null included, as the schemas require. An absent property, or
            // null where the contract has no @Nullable, comes from a broken producer: refuse it here rather
            // than let a consumer fail later on a value it cannot handle.
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultNullHandling(ignored -> JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The shared codec. */
    public static EventCodec instance() {
        return INSTANCE;
    }

    public byte[] encode(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        return mapper.writeValueAsBytes(event);
    }

    /**
     * @throws MalformedEventException if the body is not JSON of the payload's shape
     */
    @SuppressWarnings("unchecked")
    public <T extends DomainEvent> T decode(EventType type, byte[] json) {
        Objects.requireNonNull(type, "type");
        if (json == null || json.length == 0) {
            throw new MalformedEventException("empty body for type " + type.type());
        }
        DomainEvent event;
        try {
            event = mapper.readValue(json, type.payloadClass());
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    "body not valid JSON for type " + type.type() + ": " + describe(e), e);
        }
        if (event == null) {
            throw new MalformedEventException("body is JSON null for type " + type.type());
        }
        return (T) event;
    }

    /**
     * @throws MalformedEventException if the type is unknown or the body is not JSON of its payload's shape
     */
    public DomainEvent decode(String ceType, byte[] json) {
        EventType type = EventType.fromType(ceType)
                .orElseThrow(() -> new MalformedEventException("unknown type " + ceType));
        return decode(type, json);
    }

    /** The parser's message with the property path, but without the location noise of getMessage(). */
    private static String describe(JacksonException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "/" + reference.getPropertyName()
                        : "/" + reference.getIndex())
                .collect(Collectors.joining());
        return path.isEmpty() ? e.getOriginalMessage() : e.getOriginalMessage() + " (at " + path + ")";
    }
}
