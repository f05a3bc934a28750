package io.proposalflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>Each measurement uses things of its own, new each time (a new topic, a new database, a new
 * mailbox) and removes them afterwards (not the mailbox), so it measures the same thing whether
 * the stack holds no data or the pipeline's: the benchmark measures it right before and right
 * after the pipeline and uses the mean of the two ({@link Pair}).
 */
final class Floor {

    /**
     * Kafka's records are of this size (about a pipeline event's average, 299 bytes in the first
     * measurements), fixed so the measurement before the pipeline, when no event has been seen, and
     * the one after it measure the same.
     */
    static final int RECORD_BYTES = 300;

    record Result(double kafkaRecordsPerSecond, double mongoWritesPerSecond, double smtpMailsPerSecondReused,
                  double smtpMailsPerSecondNewConnection) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kafka_produce_consume_records_per_s", Math.round(kafkaRecordsPerSecond));
            json.put("mongo_single_document_writes_per_s", Math.round(mongoWritesPerSecond));
            json.put("smtp_mails_per_s_reused_connection", Math.round(smtpMailsPerSecondReused));
            json.put("smtp_mails_per_s_new_connection_each", Math.round(smtpMailsPerSecondNewConnection));
            return json;
        }
    }

    /** The floor right before and right after the pipeline, and their mean (what the ratio uses). */
    record Pair(Result before, Result after) {

        Result mean() {
            return new Result(avg(before.kafkaRecordsPerSecond(), after.kafkaRecordsPerSecond()),
                    avg(before.mongoWritesPerSecond(), after.mongoWritesPerSecond()),
                    avg(before.smtpMailsPerSecondReused(), after.smtpMailsPerSecondReused()),
                    avg(before.smtpMailsPerSecondNewConnection(), after.smtpMailsPerSecondNewConnection()));
        }

        /** How far apart the two were, in % of their mean, per resource. */
        Map<String, Double> spreadPercent() {
            Map<String, Double> spread = new LinkedHashMap<>();
            spread.put("kafka", spread(before.kafkaRecordsPerSecond(), after.kafkaRecordsPerSecond()));
            spread.put("mongo", spread(before.mongoWritesPerSecond(), after.mongoWritesPerSecond()));
            spread.put("smtp", spread(before.smtpMailsPerSecondReused(), after.smtpMailsPerSecondReused()));
            return spread;
        }

        private static double avg(double a, double b) {
            return (a + b) / 2;
        }

        static double spread(double a, double b) {
            double mean = (a + b) / 2;
            return mean == 0 ? 0 : Report.round1(Math.abs(a - b) / mean * 100);
        }
    }

    private Floor() {
    }

    /** The most rounds {@link #measureSettled} makes. */
    static final int MAX_ROUNDS = 5;

    /** A measurement and the rounds it took to settle. */
    record Settled(Result result, int rounds) {
    }

    /**
     * The floor before the pipeline: measured again until two rounds in a row agree within 15 %
     * on each resource (at most {@link #MAX_ROUNDS}), the last one kept. A freshly started stack
     * and the benchmark's own clients are not yet compiled: with one round, or one round after a
     * smaller one, the floor before the pipeline came out lower than the one after it in nine of
     * eleven runs, MongoDB's by up to a factor of four.
     */
    static Settled measureSettled(String kafkaBootstrap, String mongoUri, int smtpPort) throws Exception {
        Result previous = measure(kafkaBootstrap, mongoUri, smtpPort);
        for (int round = 2; round <= MAX_ROUNDS; round++) {
            Result next = measure(kafkaBootstrap, mongoUri, smtpPort);
            if (agree(previous, next)) {
                return new Settled(next, round);
            }
            previous = next;
        }
        return new Settled(previous, MAX_ROUNDS);
    }

    static boolean agree(Result a, Result b) {
        return Pair.spread(a.kafkaRecordsPerSecond(), b.kafkaRecordsPerSecond()) <= 15
                && Pair.spread(a.mongoWritesPerSecond(), b.mongoWritesPerSecond()) <= 15
                && Pair.spread(a.smtpMailsPerSecondReused(), b.smtpMailsPerSecondReused()) <= 15;
    }

    static Result measure(String kafkaBootstrap, String mongoUri, int smtpPort) throws Exception {
        return new Result(kafka(kafkaBootstrap, 20_000, RECORD_BYTES), mongo(mongoUri, 4_000, 4),
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
            String database = "bench-floor-" + UUID.randomUUID().toString().substring(0, 8);
            MongoCollection<Document> collection = client.getDatabase(database).getCollection("writes");
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
            client.getDatabase(database).drop();
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
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(
                "bench-floor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"));
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
