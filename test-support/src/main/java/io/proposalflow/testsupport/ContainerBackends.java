package io.proposalflow.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/** The production images in Docker, started through Testcontainers. */
final class ContainerBackends implements Backends {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";
    static final String GREENMAIL_IMAGE = "greenmail/standalone:2.1.3";
    private static final int SMTP_PORT = 3025;
    private static final int IMAP_PORT = 3143;

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;
    private final GenericContainer<?> mail;

    private ContainerBackends(KafkaContainer kafka, MongoDBContainer mongo, GenericContainer<?> mail) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
    }

    /** Starts the requested containers in parallel; a failure stops the ones that came up. */
    @SuppressWarnings("resource") // stopped in close()
    static ContainerBackends start(boolean withKafka, boolean withMongo, boolean withMail) {
        KafkaContainer kafka = withKafka ? new KafkaContainer(KAFKA_IMAGE) : null;
        // a single-node replica set: change streams and transactions need one
        MongoDBContainer mongo = withMongo ? new MongoDBContainer(MONGO_IMAGE).withReplicaSet() : null;
        GenericContainer<?> mail = withMail
                ? new GenericContainer<>(GREENMAIL_IMAGE)
                        .withExposedPorts(SMTP_PORT, IMAP_PORT)
                        .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap"
                                + " -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled")
                : null;
        ContainerBackends backends = new ContainerBackends(kafka, mongo, mail);
        try {
            Startables.deepStart(backends.containers()).join();
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
        return backends;
    }

    private List<GenericContainer<?>> containers() {
        List<GenericContainer<?>> containers = new ArrayList<>();
        if (kafka != null) {
            containers.add(kafka);
        }
        if (mongo != null) {
            containers.add(mongo);
        }
        if (mail != null) {
            containers.add(mail);
        }
        return containers;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String smtpHost() {
        return mail.getHost();
    }

    @Override
    public int smtpPort() {
        return mail.getMappedPort(SMTP_PORT);
    }

    @Override
    public int imapPort() {
        return mail.getMappedPort(IMAP_PORT);
    }

    @Override
    public void close() {
        containers().forEach(container -> Closer.closeQuietly(container::stop));
    }
}
