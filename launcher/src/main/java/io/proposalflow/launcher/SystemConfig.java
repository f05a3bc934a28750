package io.proposalflow.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start the whole system.
 *
 * @param root              the repository checkout, whose modules' {@code target} folders hold the built jars
 * @param dataDir           Kafka logs, the MongoDB file, saved mail and the processes' logs ({@code logs/})
 * @param ports             where everything listens on 127.0.0.1
 * @param java              the java executable for the child JVMs
 * @param serviceJvmOptions JVM options for each service
 * @param serviceEnvironment extra environment for every service (e.g. shorter review periods in tests)
 */
public record SystemConfig(Path root, Path dataDir, Ports ports, String java, List<String> serviceJvmOptions,
                           Map<String, String> serviceEnvironment) {

    /**
     * Modest heaps: the three services and the dev stack share a laptop. Serial GC is the
     * collector meant for small heaps on few cores and keeps the resident size down.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    public SystemConfig {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** The java running this launcher, so children use the same runtime. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + ports.mongo() + "/" + database;
    }
}
