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
    private final Topology topology;
    private final List<ManagedProcess> processes = new ArrayList<>();
    /** Every instance of each service, the first one also in {@link #services}; index = instance - 1. */
    private final Map<Service, List<ManagedProcess>> instances = new EnumMap<>(Service.class);
    private final Map<Service, List<Integer>> instancePorts = new EnumMap<>(Service.class);
    private Map<Service, List<String>> launch;
    private ManagedProcess devstack;
    private int restarts;
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Duration> startupTimes = new EnumMap<>(Service.class);
    private Duration infraStartupTime;
    private ManagedProcess portal;
    private Duration portalStartupTime;

    private ProposalSystem(SystemConfig config, Topology topology) {
        this.config = config;
        this.topology = topology;
        for (Service service : Service.values()) {
            List<Integer> ports = new ArrayList<>();
            ports.add(service.port(config.ports()));
            for (int i = 2; i <= topology.instances(); i++) {
                ports.add(Ports.freePort());
            }
            instancePorts.put(service, ports);
        }
    }

    /**
     * Starts everything and returns once every service reports healthy.
     *
     * @throws ManagedProcess.StartupException naming the process that did not come up, with its last lines
     */
    public static ProposalSystem start(SystemConfig config) {
        return start(config, Topology.single());
    }

    /**
     * Starts everything with {@code topology}'s number of instances of each service, and returns once
     * every instance reports healthy.
     */
    public static ProposalSystem start(SystemConfig config, Topology topology) {
        ProposalSystem system = new ProposalSystem(config, topology);
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

    public Topology topology() {
        return topology;
    }

    /** Instance {@code instance} (1, 2, ...) of a service; its process changes when it is restarted. */
    public synchronized ManagedProcess process(Service service, int instance) {
        return instances.get(service).get(instance - 1);
    }

    public String baseUrl(Service service, int instance) {
        return "http://127.0.0.1:" + instancePorts.get(service).get(instance - 1);
    }

    /** Ends an instance at once, as {@code kill -9} does. */
    public void kill(Service service, int instance) {
        process(service, instance).kill();
    }

    /**
     * Starts an instance again (after {@link #kill} or when it died) with the same command, port and
     * environment, and waits until it is healthy. Its output goes to a log file of its own.
     */
    public void restart(Service service, int instance) {
        ManagedProcess old = process(service, instance);
        old.kill();
        ManagedProcess fresh;
        synchronized (this) {
            restarts++;
            fresh = startInstance(service, instance, "-restart" + restarts);
            instances.get(service).set(instance - 1, fresh);
            if (instance == 1) {
                services.put(service, fresh);
            }
        }
        awaitHealthy(service.id() + "-" + instance, fresh, baseUrl(service, instance));
    }

    /**
     * Stops the dev stack cleanly (Kafka flushes its log, MongoDB commits its file, the mail server
     * saves the inboxes), waits {@code down}, and starts it again on the same ports with the same data;
     * the services keep running and reconnect.
     */
    public void restartInfrastructure(Duration down) {
        devstack.stop(STOP_GRACE);
        sleep(down);
        synchronized (this) {
            restarts++;
            processes.remove(devstack);
            startDevstack("devstack-restart" + restarts + ".log");
        }
    }

    public List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    private void startInfrastructure() {
        long started = System.nanoTime();
        startDevstack("devstack.log");
        infraStartupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    private void startDevstack(String logName) {
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
        devstack = ManagedProcess.start("devstack", command, Map.of(), config.logDir().resolve(logName));
        processes.add(devstack);
        devstack.awaitLine(line -> line.startsWith("devstack ready"), INFRA_TIMEOUT);
    }

    private void startServices() {
        launch = prepareLaunch();
        Map<Service, Long> started = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            started.put(service, System.nanoTime());
            List<ManagedProcess> all = new ArrayList<>();
            for (int instance = 1; instance <= topology.instances(); instance++) {
                all.add(startInstance(service, instance, ""));
            }
            instances.put(service, all);
            services.put(service, all.get(0));
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
            for (int instance = 2; instance <= topology.instances(); instance++) {
                int number = instance;
                ready.add(CompletableFuture.runAsync(() -> awaitHealthy(service.id() + "-" + number,
                        instances.get(service).get(number - 1), baseUrl(service, number))));
            }
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

    /** The first instance logs to {@code <service>.log} as before, a further one to {@code <service>-<n>.log}. */
    private ManagedProcess startInstance(Service service, int instance, String logSuffix) {
        List<String> command = new ArrayList<>(List.of(config.java()));
        command.addAll(config.serviceJvmOptions());
        command.addAll(launch.get(service));
        String name = instance == 1 ? service.id() : service.id() + "-" + instance;
        ManagedProcess process = ManagedProcess.start(name, command,
                environment(service, instancePorts.get(service).get(instance - 1)),
                config.logDir().resolve(name + logSuffix + ".log"));
        processes.add(process);
        return process;
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
        return environment(service, service.port(config.ports()));
    }

    private Map<String, String> environment(Service service, int port) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", Integer.toString(port));
        environment.put("MONGODB_URI", topology.serviceMongoPort() > 0
                ? "mongodb://127.0.0.1:" + topology.serviceMongoPort() + "/" + service.id()
                : config.mongoUri(service.id()));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        environment.put("SMTP_HOST", "127.0.0.1");
        environment.put("SMTP_PORT", Integer.toString(topology.serviceSmtpPort() > 0 ? topology.serviceSmtpPort()
                : config.ports().smtp()));
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
        List<ManagedProcess> running;
        synchronized (this) {
            running = new ArrayList<>(services.values());
            instances.values().forEach(list -> list.stream().filter(p -> !running.contains(p)).forEach(running::add));
        }
        for (ManagedProcess process : running) {
            stopping.add(CompletableFuture.runAsync(() -> process.stop(STOP_GRACE)));
        }
        stopping.forEach(CompletableFuture::join);
        List<ManagedProcess> rest;
        synchronized (this) {
            rest = new ArrayList<>(processes);
        }
        for (ManagedProcess process : rest) {
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
