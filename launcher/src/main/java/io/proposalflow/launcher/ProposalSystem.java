package io.proposalflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: the dev stack (Kafka, MongoDB stand-in, SMTP/IMAP), the
 * three services and, when asked for, the portal, each in its own JVM, started in that order and
 * stopped in the reverse order.
 * {@code ./run.sh} and the system test both start it through here.
 */
public final class ProposalSystem implements AutoCloseable {

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final SystemConfig config;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Duration> startupTimes = new EnumMap<>(Service.class);
    private Duration infraStartupTime;
    private ManagedProcess portal;
    private Duration portalStartupTime;

    private ProposalSystem(SystemConfig config) {
        this.config = config;
    }

    /**
     * Starts everything and returns once every service reports healthy.
     *
     * @throws ManagedProcess.StartupException naming the process that did not come up, with its last lines
     */
    public static ProposalSystem start(SystemConfig config) {
        ProposalSystem system = new ProposalSystem(config);
        try {
            system.startInfrastructure();
            system.startServices();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public SystemConfig config() {
        return config;
    }

    public String baseUrl(Service service) {
        return "http://127.0.0.1:" + service.port(config.ports());
    }

    /** Where people open the portal; it runs only when the configuration asks for it. */
    public String portalUrl() {
        return "http://127.0.0.1:" + config.ports().portal();
    }

    /** The portal's process, or null when it was not started. */
    public ManagedProcess portalProcess() {
        return portal;
    }

    /** Time from starting the portal's JVM until its health endpoint answered UP, or null. */
    public Duration portalStartupTime() {
        return portalStartupTime;
    }

    public ApiClient api(Service service) {
        return ApiClient.of(baseUrl(service));
    }

    /** Time from starting a service's JVM until its health endpoint answered UP. */
    public Map<Service, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public Duration infraStartupTime() {
        return infraStartupTime;
    }

    public ManagedProcess process(Service service) {
        return services.get(service);
    }

    public List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    private void startInfrastructure() {
        Path jar = findJar(config.root().resolve("devstack/target"), "devstack-", "-exec.jar");
        Ports ports = config.ports();
        List<String> command = new ArrayList<>(List.of(config.java()));
        command.addAll(splitOptions(System.getenv("DEVSTACK_JAVA_OPTS")));
        command.addAll(List.of("-jar", jar.toString(),
                "--data-dir", config.dataDir().toString(),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--mongo-port", Integer.toString(ports.mongo()),
                "--smtp-port", Integer.toString(ports.smtp()),
                "--imap-port", Integer.toString(ports.imap())));
        long started = System.nanoTime();
        ManagedProcess devstack = ManagedProcess.start("devstack", command, Map.of(),
                config.logDir().resolve("devstack.log"));
        processes.add(devstack);
        devstack.awaitLine(line -> line.startsWith("devstack ready"), INFRA_TIMEOUT);
        infraStartupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void startServices() {
        Map<Service, List<String>> launch = prepareLaunch();
        Map<Service, Long> started = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<String> command = new ArrayList<>(List.of(config.java()));
            command.addAll(config.serviceJvmOptions());
            command.addAll(launch.get(service));
            started.put(service, System.nanoTime());
            ManagedProcess process = ManagedProcess.start(service.id(), command, environment(service),
                    config.logDir().resolve(service.id() + ".log"));
            processes.add(process);
            services.put(service, process);
        }
        long portalStarted = System.nanoTime();
        if (config.portal()) {
            portal = ManagedProcess.start("portal", portalCommand(), portalEnvironment(),
                    config.logDir().resolve("portal.log"));
            processes.add(portal);
        }
        // the three start side by side; each is awaited on its own so a failure names its service
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        if (portal != null) {
            ready.add(CompletableFuture.runAsync(() -> {
                awaitHealthy("portal", portal, portalUrl());
                portalStartupTime = Duration.ofNanos(System.nanoTime() - portalStarted);
            }));
        }
        for (Service service : Service.values()) {
            ready.add(CompletableFuture.runAsync(() -> {
                awaitHealthy(service);
                synchronized (startupTimes) {
                    startupTimes.put(service, Duration.ofNanos(System.nanoTime() - started.get(service)));
                }
            }));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How each service's jar is started: {@link FastStart} prepares the three side by side. */
    private Map<Service, List<String>> prepareLaunch() {
        boolean fast = FastStart.enabled(System.getenv()) && FastStart.enabled(config.serviceEnvironment());
        Map<Service, CompletableFuture<List<String>>> preparing = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Path jar = findJar(config.root().resolve(service.id()).resolve("target"), service.id() + "-", ".jar");
            preparing.put(service, fast
                    ? CompletableFuture.supplyAsync(() -> FastStart.launchArguments(config.java(),
                            config.serviceJvmOptions(), jar, environment(service),
                            config.logDir().resolve(service.id() + "-fast-start.log")))
                    : CompletableFuture.completedFuture(List.of("-jar", jar.toString())));
        }
        Map<Service, List<String>> launch = new EnumMap<>(Service.class);
        preparing.forEach((service, arguments) -> launch.put(service, arguments.join()));
        return launch;
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", Integer.toString(service.port(config.ports())));
        environment.put("MONGODB_URI", config.mongoUri(service.id()));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        environment.put("SMTP_HOST", "127.0.0.1");
        environment.put("SMTP_PORT", Integer.toString(config.ports().smtp()));
        // the mails link to the proposal in the portal
        environment.put("PORTAL_URL", portalUrl());
        environment.putAll(config.serviceEnvironment());
        return environment;
    }

    private void awaitHealthy(Service service) {
        awaitHealthy(service.id(), services.get(service), baseUrl(service));
    }

    /**
     * The portal: a web application over the services' public APIs (it owns no data, so no MongoDB or
     * Kafka); it binds 127.0.0.1 like everything the launcher starts.
     */
    private List<String> portalCommand() {
        Path jar = findJar(config.root().resolve("portal/target"), "portal-", ".jar");
        List<String> command = new ArrayList<>(List.of(config.java()));
        command.addAll(config.serviceJvmOptions());
        command.addAll(FastStart.enabled(System.getenv()) && FastStart.enabled(config.serviceEnvironment())
                ? FastStart.launchArguments(config.java(), config.serviceJvmOptions(), jar, portalEnvironment(),
                        config.logDir().resolve("portal-fast-start.log"))
                : List.of("-jar", jar.toString()));
        return command;
    }

    private Map<String, String> portalEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", Integer.toString(config.ports().portal()));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("PROPOSAL_SERVICE_URL", baseUrl(Service.PROPOSAL));
        environment.put("REVIEW_SERVICE_URL", baseUrl(Service.REVIEW));
        environment.put("NOTIFICATION_SERVICE_URL", baseUrl(Service.NOTIFICATION));
        // the portal's sign-in at an identity provider, when the services trust one (ADR 16)
        config.serviceEnvironment().forEach((name, value) -> {
            if (name.startsWith("PORTAL_OIDC_")) {
                environment.put(name, value);
            }
        });
        if (config.serviceEnvironment().containsKey(FastStart.SWITCH)) {
            environment.put(FastStart.SWITCH, config.serviceEnvironment().get(FastStart.SWITCH));
        }
        return environment;
    }

    private void awaitHealthy(String name, ManagedProcess process, String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ManagedProcess.StartupException(name + " ended before it was healthy", process);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ManagedProcess.StartupException("interrupted while waiting for " + name, process);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new ManagedProcess.StartupException(name + " was not healthy within "
                + SERVICE_TIMEOUT.toSeconds() + " s (last answer: " + last + ")", process);
    }

    /** Stops the services (side by side), then the dev stack they depend on. */
    @Override
    public void close() {
        if (portal != null) {
            portal.stop(STOP_GRACE);
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ManagedProcess process : services.values()) {
            stopping.add(CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)));
        }
        stopping.forEach(CompletableFuture::join);
        for (ManagedProcess process : processes) {
            process.stop(STOP_GRACE);
        }
    }

    /** The newest jar in {@code dir} named {@code prefix*suffix} (a Boot fat jar, not sources or tests). */
    static Path findJar(Path dir, String prefix, String suffix) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, prefix + "*" + suffix)) {
                for (Path jar : jars) {
                    String name = jar.getFileName().toString();
                    if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")
                            && !(suffix.equals(".jar") && name.endsWith("-exec.jar"))) {
                        candidates.add(jar);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream().max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "*" + suffix + " in " + dir
                        + ": build first (./mvnw -B package -DskipTests)"));
    }

    /** JVM options as given in one environment variable, split at white space. */
    public static List<String> splitOptions(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return List.of(options.trim().split("\\s+"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
