package io.proposalflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.proposalflow.events.DomainEvent;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;

/**
 * Puts events on a topic the way the services' outbox relays do (key = proposal id, CloudEvents
 * attributes in {@code ce_*} headers, JSON body), so a test can feed a consumer. Every send waits
 * for the broker's acknowledgement, so events sent one after another arrive in that order.
 */
public final class EventSender implements AutoCloseable {

    private static EventSender shared;

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    public EventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One sender per test JVM on the {@link TestBackends}' broker, closed when the JVM exits. */
    public static synchronized EventSender get() {
        if (shared == null) {
            shared = new EventSender(TestBackends.get().kafkaBootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "event-sender-close"));
        }
        return shared;
    }

    /** Sends a new CloudEvent for the payload on its own topic; returns it (its id, for assertions). */
    public EventEnvelope send(DomainEvent payload) {
        return send(EventEnvelope.of(payload));
    }

    /** Sends the event on its own topic, keyed by its proposal id (a redelivery: send it twice). */
    public EventEnvelope send(EventEnvelope event) {
        return send(event.eventType().topic(), event.data().proposalId().toString(), event);
    }

    /** Sends the event on another topic or under another key (e.g. to share a partition). */
    public EventEnvelope send(String topic, String key, EventEnvelope event) {
        sendRaw(topic, key, event.headers(), codec.encode(event.data()));
        return event;
    }

    /** Sends anything at all, e.g. a message that is not a valid CloudEvent. */
    public void sendRaw(String topic, String key, Map<String, String> headers, byte[] body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
