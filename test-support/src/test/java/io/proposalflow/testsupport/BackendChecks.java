package io.proposalflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/** Round trips against whatever {@link TestBackends} chose, with plain clients. */
final class BackendChecks {

    private BackendChecks() {
    }

    static void kafkaDeliversAProducedMessage(TestBackends backends) throws Exception {
        String topic = "check-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, backends.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "p-1", "submitted")).get();
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, backends.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        assertThat(values).containsExactly("submitted");
    }

    static void mongoStoresAndFindsADocument(TestBackends backends) {
        try (MongoClient client = MongoClients.create(backends.mongoUri("check"))) {
            MongoCollection<Document> proposals = client.getDatabase("check").getCollection("proposals");
            String id = UUID.randomUUID().toString();
            proposals.insertOne(new Document("_id", id).append("title", "Sprachcafé"));

            assertThat(proposals.find(new Document("_id", id)).first()).containsEntry("title", "Sprachcafé");
        }
    }

    static void aMailSentOverSmtpIsReadOverImapAsTheRecipient(TestBackends backends) throws Exception {
        String recipient = "reviewer-" + UUID.randomUUID() + "@example.org";
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", backends.smtpHost());
        smtp.put("mail.smtp.port", String.valueOf(backends.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("noreply@proposalflow.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Neuer Antrag", "UTF-8");
        message.setText("Hallo", "UTF-8");
        Transport.send(message);

        List<String> subjects = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (subjects.isEmpty() && System.nanoTime() < deadline) {
            subjects = inboxSubjects(backends, recipient);
            if (subjects.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(subjects).containsExactly("Neuer Antrag");
    }

    private static List<String> inboxSubjects(TestBackends backends, String user) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(backends.smtpHost(), backends.imapPort(), user, "any password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message received : inbox.getMessages()) {
                subjects.add(received.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
