package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @TempDir
    Path logDir;

    @Test
    void aProducedMessageIsConsumedFromAnAutoCreatedTopic() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, 0)) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");

            send(kafka.bootstrapServers(), "proposals", "p-1", "submitted");

            assertThat(readAll(kafka.bootstrapServers(), "proposals", 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("p-1", "submitted"));
        }
    }

    @Test
    void messagesWrittenBeforeAStopAreReadAfterARestartOnTheSameLogDir() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, 0)) {
            send(kafka.bootstrapServers(), "reviews", "r-1", "before restart");
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(logDir, 0, 0)) {
            assertThat(readAll(restarted.bootstrapServers(), "reviews", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before restart");
        }
    }

    @Test
    void autoCreatedTopicsGetTheConfiguredPartitionCount() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, 0, 2)) {
            send(kafka.bootstrapServers(), "two-partitions", "k", "v");
            try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
                assertThat(consumer.partitionsFor("two-partitions")).hasSize(2);
            }
        }
    }

    static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
