package io.proposalflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.proposalflow.events.CloudEventHeaders;

/**
 * Reads a topic from the beginning, as an independent client would, to assert what was
 * really published. Partitions are assigned, not subscribed, so no consumer group is involved.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        // the topic may not exist yet; metadata for it appears once something created it
        Instant deadline = Instant.now().plusSeconds(20);
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code done} holds for the records seen so far, or the timeout passes. */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> done,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(seen) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Polls for the whole duration, e.g. to show that something was <em>not</em> published. */
    public List<ConsumerRecord<String, byte[]>> readFor(Duration duration) {
        return readUntil(records -> false, duration);
    }

    /**
     * The events with this key in the order published, each once. Publishing is at least once: an
     * outbox entry published while its aggregate is saved again can be published a second time (ADR 1),
     * and consumers skip such a copy by its event id ({@code ce_id}), so an assertion on what consumers
     * see does the same. {@link #allWithKey} keeps the copies.
     */
    public List<ConsumerRecord<String, byte[]>> withKey(String key) {
        Set<String> ids = new HashSet<>();
        return allWithKey(key).stream()
                .filter(r -> {
                    String id = header(r, CloudEventHeaders.ID);
                    return id == null || ids.add(id);
                })
                .toList();
    }

    /** Every record with this key, copies of an event included. */
    public List<ConsumerRecord<String, byte[]>> allWithKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
