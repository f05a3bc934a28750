package io.proposalflow.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends dead letters back to the topic they came from, once their cause is fixed (a proposal whose
 * events were missing has arrived, a bug is deployed away). Each dead-letter topic is read by its own
 * consumer group ({@code <dead-letter topic>.replay}) that commits what it has sent back, so a second
 * replay sends only what was dead-lettered since. The record goes back as it was: same key, value and
 * CloudEvents headers, without the {@code kafka_dlt-*} headers; consumers are idempotent by event id,
 * so a record that had in fact been applied changes nothing.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration READ_PATIENCE = Duration.ofSeconds(15);

    private final Map<String, Object> consumerProperties;
    private final KafkaOperations<Object, Object> producer;

    public DeadLetterReplay(Map<String, Object> consumerProperties, KafkaOperations<Object, Object> producer) {
        this.consumerProperties = consumerProperties;
        this.producer = producer;
    }

    /** What a replay did: how many records went back, to which topics. */
    public record Result(String deadLetterTopic, int replayed, Map<String, Integer> toTopics) {
    }

    /**
     * Replays every dead letter of {@code deadLetterTopic} not replayed before.
     *
     * @throws IllegalArgumentException when the name is not a dead-letter topic ({@code error.*})
     */
    public Result replay(String deadLetterTopic) {
        if (deadLetterTopic == null || !deadLetterTopic.startsWith("error.")) {
            throw new IllegalArgumentException("not a dead-letter topic (error.<topic>.<group>): " + deadLetterTopic);
        }
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetterTopic + ".replay");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Integer> toTopics = new HashMap<>();
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(deadLetterTopic, READ_PATIENCE)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            if (partitions.isEmpty()) {
                return new Result(deadLetterTopic, 0, Map.of());
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_PATIENCE);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String topic = sendBack(record);
                    toTopics.merge(topic, 1, Integer::sum);
                    replayed++;
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        log.info("Replayed {} dead letters of {} to {}", replayed, deadLetterTopic, toTopics);
        return new Result(deadLetterTopic, replayed, toTopics);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private String sendBack(ConsumerRecord<byte[], byte[]> record) {
        Header original = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original == null) {
            throw new IllegalStateException("dead letter " + record.topic() + "@" + record.offset()
                    + " does not name its original topic");
        }
        String topic = new String(original.value(), java.nio.charset.StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send a dead letter back to " + topic + ": " + e, e);
        }
        return topic;
    }
}
