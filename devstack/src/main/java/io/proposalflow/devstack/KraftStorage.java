package io.proposalflow.devstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats a KRaft log directory once, like {@code kafka-storage.sh format} does.
 *
 * <p>The cluster id is written into {@code meta.properties} by the formatter, so a directory that
 * is already formatted keeps its cluster id and its data across restarts; it is never formatted
 * again.
 */
final class KraftStorage {

    private KraftStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    static void formatIfNeeded(KafkaConfig config, Path logDir) {
        if (isFormatted(logDir)) {
            return;
        }
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(logDir.toString())
                // the voters are fixed in controller.quorum.voters (a static quorum of one node)
                .setHasDynamicQuorum(false)
                .addDirectory(logDir.toString());
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir, e);
        }
    }
}
