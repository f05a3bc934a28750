package io.proposalflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The raw limits of the same stack, measured in the same run: how fast Kafka takes and hands out
 * records, how fast the MongoDB-wire server takes single-document writes, how fast the SMTP server
 * takes mails. No service code is involved; these are the ceiling for the pipeline.
 */
final class Floor {

    record Result(double kafkaRecordsPerSecond, double mongoWritesPerSecond, double smtpMailsPerSecondReused,
                  double smtpMailsPerSecondNewConnection) {
    }

    private Floor() {
    }

    static Result measure(String kafkaBootstrap, String mongoUri, int smtpPort, int eventBytes) throws Exception {
        return new Result(kafka(kafkaBootstrap, 20_000, Math.max(100, eventBytes)), mongo(mongoUri, 4_000, 4),
                smtp(smtpPort, 300, true), smtp(smtpPort, 100, false));
    }

    /** Produce (acks=all, idempotent, as the services do) and consume the same records: records per second end to end. */
    static double kafka(String bootstrap, int records, int size) throws Exception {
        String topic = "bench-floor-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[size];
        java.util.Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 1000), value));
            }
            producer.flush();
            int received = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (received < records && System.nanoTime() < deadline) {
                received += consumer.poll(Duration.ofMillis(200)).count();
            }
            return received / seconds(start);
        } finally {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Single-document inserts of about a proposal's size from a few threads: writes per second. */
    static double mongo(String uri, int writes, int threads) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase("bench-floor").getCollection("writes");
            String payload = "x".repeat(1500);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writes / threads; i++) {
                        collection.insertOne(new Document("_id", UUID.randomUUID().toString())
                                .append("payload", payload).append("n", i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double rate = writes / seconds(start);
            pool.shutdown();
            client.getDatabase("bench-floor").drop();
            return rate;
        }
    }

    /** Mails per second to the same SMTP server, over one reused connection or a new one per mail. */
    static double smtp(int port, int mails, boolean reuseConnection) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("bench@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bench-floor@example.org"));
        message.setSubject("Lastprobe");
        message.setText("Guten Tag,\n\n" + "ein Projektvorschlag wurde eingereicht.\n".repeat(20), "UTF-8");
        message.saveChanges();
        long start = System.nanoTime();
        if (reuseConnection) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < mails; i++) {
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
        } else {
            for (int i = 0; i < mails; i++) {
                Transport.send(message);
            }
        }
        return mails / seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
