package io.proposalflow.devstack;

import java.nio.file.Path;

/**
 * Where the dev stack keeps its data and which ports it binds on 127.0.0.1.
 *
 * @param dataDir             directory for Kafka logs, the MongoDB file and saved mail; null keeps
 *                            everything in memory or in temporary directories (tests)
 * @param kafkaPort           Kafka client port, 0 for a free port
 * @param kafkaControllerPort KRaft controller port, 0 for a free port
 * @param mongoPort           MongoDB port, 0 for a free port
 * @param smtpPort            SMTP port, 0 for a free port
 * @param imapPort            IMAP port, 0 for a free port
 */
public record DevStackConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                             int smtpPort, int imapPort) {

    /** The ports the services expect by default, data in {@code ./data}. */
    public static DevStackConfig defaults() {
        return new DevStackConfig(Path.of("data"), 9092, 9093, 27017, 3025, 3143);
    }

    /** No data directory and free ports: for tests that must not collide with anything. */
    public static DevStackConfig ephemeral() {
        return new DevStackConfig(null, 0, 0, 0, 0, 0);
    }

    public boolean persistent() {
        return dataDir != null;
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("mongo.mv");
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }
}
