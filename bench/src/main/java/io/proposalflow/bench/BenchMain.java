package io.proposalflow.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.proposalflow.launcher.ApiClient;
import io.proposalflow.launcher.DemoData;
import io.proposalflow.launcher.FileTrees;
import io.proposalflow.launcher.ManagedProcess;
import io.proposalflow.launcher.Ports;
import io.proposalflow.launcher.ProposalSystem;
import io.proposalflow.launcher.Service;
import io.proposalflow.launcher.SystemConfig;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench.sh}: the pipeline's throughput and latency under load, next to the raw limits of
 * the stack it runs on. Figures are printed and written, never asserted: this is a measurement.
 */
public final class BenchMain {

    private static final PrintStream OUT = System.out;
    private static final Duration IDLE = Duration.ofSeconds(5);

    private BenchMain() {
    }

    /**
     * The services' JVM options unless SERVICE_JAVA_OPTS says: the launcher's, but with both JIT compilers,
     * as the services run where they are deployed (the image keeps C2). The launcher's C1-only choice makes
     * them start sooner on a developer's two cores; warm, C2's code costs about 40 % less CPU per proposal
     * (docs/performance.md, "A warm system, measured as deployed"; ADR 22).
     */
    static final List<String> SERVICE_JVM_OPTIONS = SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS.stream()
            .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")
                    && !option.startsWith("-XX:ReservedCodeCacheSize"))
            .toList();

    public static void main(String[] args) throws Exception {
        // the SMTP floor sends with Jakarta Mail: without this, each send scans the class path for the
        // StreamProvider (jakartaee/mail-api#861), and the floor would measure that, not the server
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench.sh: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            OUT.print(BenchOptions.USAGE);
            return;
        }
        if (!options.preloadCompare()) {
            onSystem(options);
            return;
        }
        OUT.println("bench: preload comparison, run 1 of 2: empty database");
        Summary empty = onSystem(options.single(0, options.out().resolve("empty")));
        OUT.printf(Locale.ROOT, "bench: preload comparison, run 2 of 2: %,d finished proposals stored first%n",
                options.preload());
        Summary preloaded = onSystem(options.single(options.preload(),
                options.out().resolve("preload-" + options.preload())));
        Map<String, Object> comparison = Report.preloadComparison(options.preload(), empty, preloaded);
        Files.createDirectories(options.out());
        Path json = options.out().resolve("preload-comparison.json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(json.toFile(), comparison);
        OUT.print(Report.preloadTable(options.preload(), empty, preloaded));
        OUT.println("bench: wrote " + json.toAbsolutePath());
    }

    /** The key figures of one run, for the preload comparison. */
    record Summary(Phase phase, Double pipelineToFloor) {
    }

    /** One run: the system started on free ports (or the running one), measured, stopped. */
    private static Summary onSystem(BenchOptions options) throws Exception {
        Files.createDirectories(options.out());
        ProposalSystem system = null;
        Ports ports;
        if (options.running()) {
            ports = Ports.fromEnvironment(System.getenv());
        } else {
            Path data = options.out().resolve("data").toAbsolutePath();
            FileTrees.delete(data);
            ports = Ports.free();
            List<String> jvm = ProposalSystem.splitOptions(System.getenv("SERVICE_JAVA_OPTS"));
            SystemConfig config = new SystemConfig(Path.of("").toAbsolutePath(), data, ports,
                    SystemConfig.currentJava(), jvm.isEmpty() ? SERVICE_JVM_OPTIONS : jvm,
                    options.serviceEnvironment());
            if (options.portal()) {
                config = config.withPortal();
            }
            OUT.println("bench: starting the system (logs in " + config.logDir() + ") ...");
            system = ProposalSystem.start(config);
        }
        try {
            return run(options, system, ports);
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    private static Summary run(BenchOptions options, ProposalSystem system, Ports ports) throws Exception {
        String bootstrap = "127.0.0.1:" + ports.kafka();
        String mongoUri = "mongodb://127.0.0.1:" + ports.mongo();
        ApiClient proposals = ApiClient.of("http://127.0.0.1:" + ports.proposalService());
        ApiClient reviews = ApiClient.of("http://127.0.0.1:" + ports.reviewService());
        CpuClock cpu = new CpuClock(watchedProcesses(system, ports, options.portal()));

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("run", runFacts(options, ports));
            Preload.Result preload = null;
            if (options.preload() > 0) {
                preload = Preload.run(options.preload(), bootstrap, mongo, proposals, reviews, OUT);
            }
            results.put("preload", preload == null ? Map.of() : preload.toJson());
            Floor.Result floorBefore = null;
            int floorRounds = 0;
            if (options.floor()) {
                OUT.println("bench: measuring the floor before the pipeline (raw Kafka, MongoDB, SMTP; again until"
                        + " two rounds agree within 15 %, at most " + Floor.MAX_ROUNDS + ") ...");
                Floor.Settled settled = Floor.measureSettled(bootstrap, mongoUri, ports.smtp());
                floorBefore = settled.result();
                floorRounds = settled.rounds();
                OUT.println("bench: the floor before took " + floorRounds + " rounds");
            }
            Map<String, Double> idle = idleCpu(cpu);
            results.put("idle_cores_busy_by_process", idle);
            Phase phase = Phase.run(new Phase.Load(options.rate(), options.concurrency()), options.warmup(),
                    options.duration(), bootstrap, mongo, proposals, reviews, cpu);
            Pipeline pipeline = phase.pipeline();
            results.put("pipeline", pipeline.toJson());
            results.put("work_per_proposal", phase.workJson());
            Floor.Pair floor = null;
            if (options.floor()) {
                OUT.println("bench: measuring the floor after the pipeline ...");
                floor = new Floor.Pair(floorBefore, Floor.measure(bootstrap, mongoUri, ports.smtp()));
            }
            Map<String, Object> floorJson = floorJson(floor, pipeline);
            if (floor != null) {
                floorJson.put("before_pipeline_rounds", floorRounds);
            }
            results.put("floor", floorJson);
            Phase openLoop = null;
            if (options.openLoopFraction() != null) {
                double rate = options.openLoopFraction() * pipeline.throughput();
                OUT.printf(Locale.ROOT, "bench: open loop at %.2f x the capacity just measured (%.2f proposals/s)%n",
                        options.openLoopFraction(), pipeline.throughput());
                openLoop = Phase.run(new Phase.Load(Math.max(0.1, rate), null),
                        WarmUp.fixed(options.warmupAfterPipeline()),
                        options.duration(), bootstrap, mongo, proposals, reviews, cpu);
                results.put("open_loop", openLoopJson(options.openLoopFraction(), pipeline.throughput(), openLoop));
            } else {
                results.put("open_loop", Map.of());
            }
            PortalLoad.Result portal = null;
            if (options.portal()) {
                portal = portalLoad(options, system, ports, proposals);
            }
            results.put("portal", portal == null ? Map.of() : portal.toJson());
            List<ServiceFigures> services = new ArrayList<>();
            for (Service service : Service.values()) {
                ManagedProcess process = system == null ? null : system.process(service);
                Duration startup = system == null ? null : system.startupTimes().get(service);
                services.add(ServiceFigures.of(service.id(), process, startup,
                        ApiClient.of("http://127.0.0.1:" + service.port(ports)).as("koordination"), options.out()));
            }
            Map<String, Object> servicesJson = new LinkedHashMap<>();
            if (options.portal()) {
                services.add(ServiceFigures.of("portal", system == null ? null : system.portalProcess(),
                        system == null ? null : system.portalStartupTime(),
                        ApiClient.of("http://127.0.0.1:" + ports.portal()), options.out()));
            }
            services.forEach(s -> servicesJson.put(s.service(), serviceJson(s)));
            results.put("services", servicesJson);

            Path json = options.out().resolve("results.json");
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(json.toFile(), results);
            Path png = options.out().resolve("latency-histogram.png");
            Histogram.write(pipeline.submitToLastMail(), pipeline.submitToLastMailPercentiles(),
                    String.format(Locale.ROOT, "Submit -> last mail, %s (%d proposals)", options.mode(),
                            pipeline.submitToLastMail().size()), png);
            OUT.print(Report.table(options, phase, floor, openLoop, options.openLoopFraction(), preload, portal,
                    services, idle));
            OUT.println("bench: wrote " + json.toAbsolutePath() + " and " + png.toAbsolutePath());
            Double ratio = floor == null ? null : pipeline.throughput() / Report.bound(floor.mean(), pipeline).rate();
            return new Summary(phase, ratio);
        }
    }

    /**
     * CPU the processes spend with no load at all (Kafka consumers polling, schedulers, the outbox
     * relays and the dispatcher looking for work), in cores, over {@link #IDLE}: part of every
     * proposal's CPU figure, the larger part the fewer proposals per second.
     */
    private static Map<String, Double> idleCpu(CpuClock cpu) throws InterruptedException {
        OUT.println("bench: CPU of the idle system for " + IDLE.toSeconds() + " s ...");
        Map<String, Double> before = cpu.read();
        long start = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        Map<String, Double> spent = CpuClock.spent(before, cpu.read());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        spent.forEach((name, s) -> cores.put(name, Report.round3(s / seconds)));
        return cores;
    }

    /**
     * The JVMs whose CPU is counted: those the benchmark started, or, with --running, those that
     * listen on the system's ports; and the benchmark's own (shown apart, not in the system's total).
     */
    private static List<CpuClock.Watched> watchedProcesses(ProposalSystem system, Ports ports, boolean portal) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (system != null) {
            system.processes().forEach(p -> pids.put(p.name(), p.pid()));
        } else {
            pids.put("devstack", CpuClock.pidListeningOn(ports.mongo()));
            for (Service service : Service.values()) {
                pids.put(service.id(), CpuClock.pidListeningOn(service.port(ports)));
            }
            if (portal) {
                pids.put("portal", CpuClock.pidListeningOn(ports.portal()));
            }
        }
        pids.put(Phase.DRIVER, ProcessHandle.current().pid());
        return CpuClock.of(pids);
    }

    private static Map<String, Object> openLoopJson(double fraction, double capacity, Phase phase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fraction_of_capacity", fraction);
        json.put("capacity_closed_loop_proposals_per_s", Report.round2(capacity));
        json.put("pipeline", phase.pipeline().toJson());
        json.put("work_per_proposal", phase.workJson());
        return json;
    }

    /**
     * After the pipeline (drained): 20 users signed in through the portal's login form open their
     * role's pages. A system the benchmark started gets the demo proposals first, so that the other
     * focus group and the demo's reviewers have something to open; ./run.sh has loaded them already.
     */
    private static PortalLoad.Result portalLoad(BenchOptions options, ProposalSystem system, Ports ports,
            ApiClient proposals) throws InterruptedException {
        if (system != null) {
            try {
                new DemoData(proposals).load();
            } catch (RuntimeException e) {
                OUT.println("bench: the demo proposals did not load (" + e.getMessage() + "); the portal runs without");
            }
        }
        OUT.printf(Locale.ROOT, "bench: portal, %d signed-in users, one page in flight each, for %d s after %d s"
                        + " warm-up ...%n", PortalLoad.USERS.size(), options.duration().toSeconds(),
                options.warmupAfterPipeline().toSeconds());
        return new PortalLoad("http://127.0.0.1:" + ports.portal())
                .run(options.warmupAfterPipeline().toMillis(), options.duration().toMillis());
    }

    private static Map<String, Object> runFacts(BenchOptions options, Ports ports) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("finished_at", Instant.now().toString());
        run.put("mode", options.mode());
        run.put("offered_rate_proposals_per_s", options.rate());
        run.put("concurrency_proposals_in_flight", options.concurrency());
        run.put("duration_s", options.duration().toSeconds());
        run.put("warmup", options.warmup().untilSteadyMode() ? "steady" : options.warmup().fixed().toSeconds());
        run.put("warmup_after_pipeline_s", options.warmupAfterPipeline().toSeconds());
        run.put("used_running_system", options.running());
        run.put("portal_users", options.portal() ? PortalLoad.USERS.size() : 0);
        run.put("service_environment", options.serviceEnvironment());
        run.put("service_java_options", System.getenv().getOrDefault("SERVICE_JAVA_OPTS",
                String.join(" ", SERVICE_JVM_OPTIONS)));
        run.put("cpu_cores", Runtime.getRuntime().availableProcessors());
        run.put("java_version", System.getProperty("java.version"));
        run.put("mails_per_proposal", EventWatcher.MAILS_PER_PROPOSAL);
        run.put("preload_proposals", options.preload());
        run.put("open_loop_fraction_of_capacity", options.openLoopFraction());
        run.put("load_average_at_end", loadAverage());
        return run;
    }

    private static Map<String, Object> floorJson(Floor.Pair floor, Pipeline pipeline) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (floor == null) {
            return json;
        }
        Floor.Result mean = floor.mean();
        json.putAll(mean.toJson());
        json.put("before_pipeline", floor.before().toJson());
        json.put("after_pipeline", floor.after().toJson());
        json.put("before_after_apart_percent_of_mean", floor.spreadPercent());
        Report.Bound bound = Report.bound(mean, pipeline);
        json.put("best_pipeline_rate_proposals_per_s", Report.round1(bound.rate()));
        json.put("best_rate_limited_by", bound.limitedBy());
        json.put("kafka_bound_proposals_per_s", Report.round1(bound.kafka()));
        json.put("mongo_bound_proposals_per_s", Report.round1(bound.mongo()));
        json.put("smtp_bound_proposals_per_s", Report.round1(bound.smtp()));
        json.put("pipeline_to_floor_ratio", Report.round2(pipeline.throughput() / bound.rate()));
        json.put("pipeline_to_floor_ratio_before_only", Report.round2(pipeline.throughput()
                / Report.bound(floor.before(), pipeline).rate()));
        json.put("pipeline_to_floor_ratio_after_only", Report.round2(pipeline.throughput()
                / Report.bound(floor.after(), pipeline).rate()));
        return json;
    }

    /** /proc/loadavg's 1, 5 and 15 minute figures: how busy the machine was (other work included). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> serviceJson(ServiceFigures s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startup_to_healthy_s", s.startupToHealthySeconds());
        json.put("spring_started_in_s", s.springStartedSeconds());
        json.put("resident_memory_mb", s.residentMemoryMb() == null ? null : Math.round(s.residentMemoryMb()));
        json.put("heap_used_mb", s.heapUsedMb() == null ? null : Math.round(s.heapUsedMb()));
        return json;
    }
}
