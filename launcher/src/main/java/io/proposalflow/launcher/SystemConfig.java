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
 * @param portal            whether the portal (the web application people open) starts too
 */
public record SystemConfig(Path root, Path dataDir, Ports ports, String java, List<String> serviceJvmOptions,
                           Map<String, String> serviceEnvironment, boolean portal) {

    /**
     * Four JVMs share a developer machine, here two cores (docs/performance.md has the measurements).
     * Modest heaps; Serial GC, the collector meant for small heaps on few cores; and only the C1
     * compiler: C2's compile threads competed with the services for the cores, and without them
     * the services started in 15 instead of 22 s, used 270 instead of 330 MB and, on this machine,
     * processed 37 % more proposals per second. A service on a host of its own (the Docker image)
     * keeps C2.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError");

    public SystemConfig {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** The three services without the portal: what the API-level system test and the benchmark drive. */
    public SystemConfig(Path root, Path dataDir, Ports ports, String java, List<String> serviceJvmOptions,
            Map<String, String> serviceEnvironment) {
        this(root, dataDir, ports, java, serviceJvmOptions, serviceEnvironment, false);
    }

    /** The same configuration with the portal started too. */
    public SystemConfig withPortal() {
        return new SystemConfig(root, dataDir, ports, java, serviceJvmOptions, serviceEnvironment, true);
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
