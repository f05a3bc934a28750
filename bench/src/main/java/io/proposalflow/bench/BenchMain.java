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

import org.bson.Document;

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

    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(90);
    private static final PrintStream OUT = System.out;

    private BenchMain() {
    }

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
                    SystemConfig.currentJava(), jvm.isEmpty() ? SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS : jvm,
                    options.serviceEnvironment());
            if (options.portal()) {
                config = config.withPortal();
            }
            OUT.println("bench: starting the system (logs in " + config.logDir() + ") ...");
            system = ProposalSystem.start(config);
        }
        try {
            run(options, system, ports);
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    private static void run(BenchOptions options, ProposalSystem system, Ports ports) throws Exception {
        String bootstrap = "127.0.0.1:" + ports.kafka();
        String mongoUri = "mongodb://127.0.0.1:" + ports.mongo();
        ApiClient proposals = ApiClient.of("http://127.0.0.1:" + ports.proposalService());
        ApiClient reviews = ApiClient.of("http://127.0.0.1:" + ports.reviewService());
        LoadDriver driver = new LoadDriver(proposals, reviews);

        try (EventWatcher watcher = new EventWatcher(bootstrap, driver.flows, driver::decide);
             MongoClient mongo = MongoClients.create(mongoUri)) {
            long writesBefore = writes(mongo);
            long loadStart = System.currentTimeMillis();
            long measureFrom = loadStart + options.warmup().toMillis();
            long loadEnd = measureFrom + options.duration().toMillis();
            OUT.printf(Locale.ROOT, "bench: %s, %s for %d s after %d s warm-up%n", options.mode(),
                    options.rate() != null ? options.rate() + " proposals/s offered"
                            : options.concurrency() + " proposals in flight",
                    options.duration().toSeconds(), options.warmup().toSeconds());
            Thread progress = progress(driver, watcher, loadStart);
            if (options.rate() != null) {
                driver.openLoop(options.rate(), measureFrom, loadEnd);
            } else {
                driver.closedLoop(options.concurrency(), measureFrom, loadEnd);
            }
            long drainStart = System.currentTimeMillis();
            while (System.currentTimeMillis() - drainStart < DRAIN_LIMIT.toMillis()
                    && driver.flows.values().stream().anyMatch(f -> !f.completed())) {
                Thread.sleep(100);
            }
            long drainMillis = System.currentTimeMillis() - drainStart;
            progress.interrupt();
            progress.join();
            System.err.println();
            long writes = writes(mongo) - writesBefore;

            Map<String, Object> results = new LinkedHashMap<>();
            results.put("run", runFacts(options, ports));
            Pipeline pipeline = Pipeline.of(driver, watcher, measureFrom, loadEnd, drainMillis, writes);
            results.put("pipeline", pipeline.toJson());
            PortalLoad.Result portal = null;
            if (options.portal()) {
                portal = portalLoad(options, system, ports, proposals);
            }
            results.put("portal", portal == null ? Map.of() : portal.toJson());
            Floor.Result floor = null;
            if (options.floor()) {
                OUT.println("bench: measuring the floor (raw Kafka, MongoDB, SMTP) ...");
                floor = Floor.measure(bootstrap, mongoUri, ports.smtp(), (int) pipeline.eventBytesAverage());
            }
            results.put("floor", floorJson(floor, pipeline));
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
            OUT.print(Report.table(options, pipeline, floor, portal, services));
            OUT.println("bench: wrote " + json.toAbsolutePath() + " and " + png.toAbsolutePath());
        }
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
                options.warmup().toSeconds());
        return new PortalLoad("http://127.0.0.1:" + ports.portal())
                .run(options.warmup().toMillis(), options.duration().toMillis());
    }

    private static Map<String, Object> runFacts(BenchOptions options, Ports ports) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("finished_at", Instant.now().toString());
        run.put("mode", options.mode());
        run.put("offered_rate_proposals_per_s", options.rate());
        run.put("concurrency_proposals_in_flight", options.concurrency());
        run.put("duration_s", options.duration().toSeconds());
        run.put("warmup_s", options.warmup().toSeconds());
        run.put("used_running_system", options.running());
        run.put("portal_users", options.portal() ? PortalLoad.USERS.size() : 0);
        run.put("service_environment", options.serviceEnvironment());
        run.put("service_java_options", System.getenv().getOrDefault("SERVICE_JAVA_OPTS",
                String.join(" ", SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS)));
        run.put("cpu_cores", Runtime.getRuntime().availableProcessors());
        run.put("java_version", System.getProperty("java.version"));
        run.put("mails_per_proposal", EventWatcher.MAILS_PER_PROPOSAL);
        return run;
    }

    private static Map<String, Object> floorJson(Floor.Result floor, Pipeline pipeline) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (floor == null) {
            return json;
        }
        json.put("kafka_produce_consume_records_per_s", Math.round(floor.kafkaRecordsPerSecond()));
        json.put("mongo_single_document_writes_per_s", Math.round(floor.mongoWritesPerSecond()));
        json.put("smtp_mails_per_s_reused_connection", Math.round(floor.smtpMailsPerSecondReused()));
        json.put("smtp_mails_per_s_new_connection_each", Math.round(floor.smtpMailsPerSecondNewConnection()));
        Report.Bound bound = Report.bound(floor, pipeline);
        json.put("best_pipeline_rate_proposals_per_s", Report.round1(bound.rate()));
        json.put("best_rate_limited_by", bound.limitedBy());
        json.put("kafka_bound_proposals_per_s", Report.round1(bound.kafka()));
        json.put("mongo_bound_proposals_per_s", Report.round1(bound.mongo()));
        json.put("smtp_bound_proposals_per_s", Report.round1(bound.smtp()));
        json.put("pipeline_to_floor_ratio", Report.round2(pipeline.throughput() / bound.rate()));
        return json;
    }

    private static Map<String, Object> serviceJson(ServiceFigures s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startup_to_healthy_s", s.startupToHealthySeconds());
        json.put("spring_started_in_s", s.springStartedSeconds());
        json.put("resident_memory_mb", s.residentMemoryMb() == null ? null : Math.round(s.residentMemoryMb()));
        json.put("heap_used_mb", s.heapUsedMb() == null ? null : Math.round(s.heapUsedMb()));
        return json;
    }

    /**
     * Inserts, updates and deletes the MongoDB server has counted (serverStatus.opcounters), plus the
     * findAndModify writes the dev stack counts apart (MongoDB counts them only as commands).
     */
    private static long writes(MongoClient mongo) {
        try {
            Document counters = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                    .get("opcounters", Document.class);
            if (counters == null) {
                return 0;
            }
            long total = 0;
            for (String op : List.of("insert", "update", "delete", "findAndModify")) {
                Object value = counters.get(op);
                total += value instanceof Number n ? n.longValue() : 0;
            }
            return total;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Thread progress(LoadDriver driver, EventWatcher watcher, long start) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long completed = driver.flows.values().stream().filter(Flow::completed).count();
                System.err.printf(Locale.ROOT, "\r  %4d s   submitted %6d   completed %6d   in flight %5d   events %7d"
                                + "   http errors %d ",
                        (System.currentTimeMillis() - start) / 1000, driver.submitted.get(), completed,
                        driver.flows.size() - completed, watcher.events.get(), driver.httpErrors.get());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
