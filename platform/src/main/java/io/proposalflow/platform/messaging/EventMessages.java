package io.proposalflow.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.MalformedEventException;

/**
 * Turns a consumed Kafka message (CloudEvents binary mode) back into an {@link EventEnvelope}.
 * Consumers dispatch on the envelope's type, never on Java class-name headers.
 */
public class EventMessages {

    private final EventCodec codec;

    public EventMessages(EventCodec codec) {
        this.codec = codec;
    }

    /** @throws MalformedEventException if the message is not a CloudEvent this contract knows */
    public EventEnvelope decode(Message<?> message) {
        if (!(message.getPayload() instanceof byte[] body)) {
            throw new MalformedEventException("expected a byte[] payload but got "
                    + message.getPayload().getClass().getName());
        }
        return EventEnvelope.decode(stringHeaders(message.getHeaders()), body, codec);
    }

    /**
     * Kafka delivers header values as bytes; Spring may already have turned some into strings.
     * Spring Cloud Function recognises CloudEvents and may rename {@code ce_x} (Kafka binding)
     * to {@code ce-x} (its canonical prefix), so both spellings are read as {@code ce_x}.
     */
    static Map<String, String> stringHeaders(MessageHeaders headers) {
        Map<String, String> values = new HashMap<>();
        headers.forEach((name, value) -> {
            String key = name.startsWith("ce-") ? "ce_" + name.substring(3) : name;
            if (value instanceof byte[] bytes) {
                values.putIfAbsent(key, new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof String text) {
                values.putIfAbsent(key, text);
            }
        });
        return values;
    }
}
