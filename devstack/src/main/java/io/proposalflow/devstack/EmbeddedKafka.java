package io.proposalflow.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is broker and controller), running
 * inside this JVM and listening on 127.0.0.1 only.
 *
 * <p>It is the same broker code as the {@code apache/kafka} image, so producers, consumers,
 * transactions and consumer groups behave as in production; only replication is absent. The node
 * id stays fixed and the log directory keeps its cluster id, so a broker started again on the same
 * directory serves the messages written before it was stopped.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_PARTITIONS = 3;

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final boolean deleteLogDirOnClose;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port, boolean deleteLogDirOnClose) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /** Starts a broker on {@code logDir} with {@value #DEFAULT_PARTITIONS} partitions per new topic. */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, DEFAULT_PARTITIONS);
    }

    /**
     * Starts a broker and returns once it accepts clients.
     *
     * @param logDir         where topics and the metadata log live; formatted on first use
     * @param port           client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     * @param numPartitions  partitions of topics that are created automatically
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort, int numPartitions) {
        return start(logDir, port, controllerPort, numPartitions, false);
    }

    /** Starts a broker on a temporary directory that is deleted again on {@link #close()}. */
    public static EmbeddedKafka startTemporary(int port, int controllerPort) {
        return start(Directories.createTemp("embedded-kafka-"), port, controllerPort, DEFAULT_PARTITIONS, true);
    }

    private static EmbeddedKafka start(Path logDir, int port, int controllerPort, int numPartitions,
                                       boolean deleteLogDirOnClose) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        Path dir = Directories.create(logDir.toAbsolutePath());
        int brokerPort = Ports.resolve(port);
        KafkaConfig config = KafkaConfig.fromProps(
                properties(dir, brokerPort, Ports.resolve(controllerPort), numPartitions));
        KraftStorage.formatIfNeeded(config, dir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns after the broker is unfenced, i.e. ready for clients
            server.startup();
        } catch (RuntimeException e) {
            shutDown(server);
            throw e;
        }
        return new EmbeddedKafka(server, dir, brokerPort, deleteLogDirOnClose);
    }

    private static Properties properties(Path logDir, int port, int controllerPort, int numPartitions) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort),
                Map.entry("listeners", BROKER_LISTENER + "://" + Ports.LOOPBACK + ":" + port + ","
                        + CONTROLLER_LISTENER + "://" + Ports.LOOPBACK + ":" + controllerPort),
                Map.entry("advertised.listeners", BROKER_LISTENER + "://" + Ports.LOOPBACK + ":" + port),
                Map.entry("listener.security.protocol.map",
                        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", BROKER_LISTENER),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("metadata.log.dir", logDir.toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", String.valueOf(numPartitions)),
                // one node: internal topics cannot have more replicas than that
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // partitions of internal topics only spread load over brokers; with one broker
                // fewer partitions make the first consumer group and transaction start faster
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                // consumers join at once instead of waiting for more members that never come
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // the broker is unfenced after a heartbeat; shorter intervals shorten startup and shutdown
                Map.entry("broker.heartbeat.interval.ms", "500"),
                Map.entry("broker.session.timeout.ms", "3000")));
        return props;
    }

    /** Bootstrap servers for clients, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down cleanly: logs are flushed and closed, so the next start needs no recovery. */
    @Override
    public void close() {
        shutDown(server);
        if (deleteLogDirOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
