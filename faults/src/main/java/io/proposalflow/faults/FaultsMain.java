package io.proposalflow.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.proposalflow.events.ProposalReference;
import io.proposalflow.launcher.ApiClient;
import io.proposalflow.launcher.FileTrees;
import io.proposalflow.launcher.ManagedProcess;
import io.proposalflow.launcher.Ports;
import io.proposalflow.launcher.ProposalSystem;
import io.proposalflow.launcher.Service;
import io.proposalflow.launcher.SystemConfig;
import io.proposalflow.launcher.Topology;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./faults.sh}: the system under a load of stories while a fault hits it, and with two instances
 * of every service. After each run every story must have finished, every expected mail must be in its
 * recipient's mailbox exactly once, no review case and no status transition may exist twice, no dead
 * letter may have appeared and every service must be healthy. docs/architecture.md ("Guarantees under
 * faults") says what this proves and what it does not.
 */
public final class FaultsMain {

    private static final PrintStream OUT = System.out;
    /** After the stories: how long the last mails may take, then how long to watch for late repeats. */
    private static final Duration MAIL_PATIENCE = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(4);
    /** How long the stories of a run take to start, and when in that time the fault hits. */
    private static final Duration SPREAD = Duration.ofSeconds(8);
    private static final Duration FAULT_AFTER = Duration.ofSeconds(3);

    private final FaultsOptions options;
    private final ProposalSystem system;
    private final TcpProxy smtpProxy;
    private final TcpProxy mongoProxy;
    private final Mailboxes mailboxes;
    private final String label;
    private final AtomicInteger next = new AtomicInteger();
    private String focusGroupAddress;
    private List<String> partnerAddresses;
    private Map<String, String> reviewerAddresses;

    private FaultsMain(FaultsOptions options, ProposalSystem system, TcpProxy smtpProxy, TcpProxy mongoProxy,
            String label) {
        this.options = options;
        this.system = system;
        this.smtpProxy = smtpProxy;
        this.mongoProxy = mongoProxy;
        this.mailboxes = new Mailboxes(system.config().ports().imap());
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        // the Kafka clients that read the dead-letter topics would otherwise print their whole configuration
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        FaultsOptions options;
        try {
            options = FaultsOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("faults.sh: " + e.getMessage());
            System.err.print(FaultsOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            OUT.print(FaultsOptions.USAGE);
            return;
        }
        long started = System.currentTimeMillis();
        List<Row> rows = new ArrayList<>();
        if (!options.faults().isEmpty()) {
            rows.addAll(run(options, 1));
        }
        if (options.twoInstances()) {
            rows.addAll(run(options, 2));
        }
        StringBuilder table = new StringBuilder();
        table.append(Row.HEADER).append('\n');
        rows.forEach(r -> table.append(r.line()).append('\n'));
        table.append(String.format(java.util.Locale.ROOT, "%d runs in %.0f s%n", rows.size(),
                (System.currentTimeMillis() - started) / 1000.0));
        StringBuilder notes = new StringBuilder();
        for (Row r : rows) {
            for (String note : r.notes()) {
                notes.append("  ").append(r.fault()).append(" run ").append(r.run()).append(": ").append(note).append('\n');
            }
        }
        OUT.println();
        OUT.print(table);
        if (!notes.isEmpty()) {
            OUT.println("Findings:");
            OUT.print(notes);
        }
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("table.txt"), table + (notes.isEmpty() ? "" : "Findings:\n" + notes));
        boolean clean = rows.stream().allMatch(Row::clean);
        int resent = rows.stream().mapToInt(r -> r.mails().duplicated()).sum();
        if (!clean) {
            OUT.println("faults: FAILED (see the lines marked above; logs in " + options.out().toAbsolutePath() + ")");
        } else if (resent > 0) {
            OUT.println("faults: every story finished, no mail lost; " + resent + " mail(s) came twice with the same "
                    + "Message-ID in a window SMTP leaves open (a kill -9 of notification-service or a cut connection; "
                    + "tolerated, see Findings)");
        } else {
            OUT.println("faults: every story finished, every mail arrived exactly once");
        }
        System.exit(clean ? 0 : 1);
    }

    /** One system (with one or two instances of each service) and its runs. */
    private static List<Row> run(FaultsOptions options, int instances) throws Exception {
        Path data = options.out().resolve(instances == 1 ? "one-instance" : "two-instances").toAbsolutePath();
        FileTrees.delete(data);
        Ports ports = Ports.free();
        List<String> jvm = ProposalSystem.splitOptions(System.getenv("SERVICE_JAVA_OPTS"));
        Map<String, String> environment = new HashMap<>();
        environment.put("NOTIFICATION_POLL_INTERVAL", "200ms");
        // The binder creates the topics of the embedded stack with one partition, and one partition has
        // one consumer per group: a second instance would get nothing to consume. Three, as
        // docker-compose's kafka-init creates them (KAFKA_TOPIC_PARTITIONS).
        environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_MINPARTITIONCOUNT", "3");
        SystemConfig config = new SystemConfig(Path.of("").toAbsolutePath(), data, ports, SystemConfig.currentJava(),
                jvm.isEmpty() ? SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS : jvm, environment);
        try (TcpProxy smtp = new TcpProxy("smtp", ports.smtp()); TcpProxy mongo = new TcpProxy("mongo", ports.mongo())) {
            OUT.printf("faults: starting the system with %d instance(s) of each service (logs in %s) ...%n", instances,
                    config.logDir());
            long start = System.currentTimeMillis();
            ProposalSystem system = ProposalSystem.start(config, new Topology(instances, mongo.port(), smtp.port()));
            OUT.printf("faults: up in %.0f s%n", (System.currentTimeMillis() - start) / 1000.0);
            // Ctrl-C or a CI timeout stops the JVMs this run started, not only this one
            Thread stopper = new Thread(system::close, "faults-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                FaultsMain main = new FaultsMain(options, system, smtp, mongo, instances == 1 ? "" : "2x ");
                main.readDirectory();
                List<Row> rows = new ArrayList<>();
                if (instances == 1) {
                    for (int round = 1; round <= options.rounds(); round++) {
                        for (FaultsOptions.Fault fault : options.faults()) {
                            rows.add(main.round(fault.id, round, options.proposals()));
                        }
                    }
                } else {
                    rows.add(main.round("shared", 1, options.instanceProposals()));
                    rows.add(main.round("kill-instance-2", 1, options.instanceProposals()));
                }
                return rows;
            } finally {
                system.close();
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
    }

    private void readDirectory() {
        ApiClient notifications = system.api(Service.NOTIFICATION).as("koordination");
        for (JsonNode group : items(notifications.get("/api/recipients/focus-groups?size=100").expect(200))) {
            if (group.get("id").asString().equals("WORK_ECONOMY")) {
                focusGroupAddress = group.get("email").asString();
            }
        }
        partnerAddresses = new ArrayList<>();
        notifications.get("/api/recipients/partners/" + Story.PARTNER).expect(200).get("contacts")
                .forEach(c -> partnerAddresses.add(c.get("email").asString()));
        reviewerAddresses = new HashMap<>();
        items(notifications.get("/api/recipients/reviewers?size=100").expect(200))
                .forEach(r -> reviewerAddresses.put(r.get("id").asString(), r.get("email").asString()));
    }

    // ---------------------------------------------------------------- one run

    private Row round(String fault, int run, int proposals) throws Exception {
        String name = label + fault;
        OUT.printf("faults: %s, run %d: %d stories ...%n", name, run, proposals);
        long deadLettersBefore = deadLetters();
        long deadline = System.currentTimeMillis() + options.storyTimeout().toMillis();
        List<Story> stories = new ArrayList<>();
        AtomicInteger turn = new AtomicInteger();
        Story.Endpoints endpoints = new Story.Endpoints() {
            @Override
            public ApiClient proposals() {
                return api(Service.PROPOSAL, turn.incrementAndGet());
            }

            @Override
            public ApiClient reviews() {
                return api(Service.REVIEW, turn.incrementAndGet());
            }
        };
        for (int i = 0; i < proposals; i++) {
            boolean changes = options.changesEvery() > 0 && i % options.changesEvery() == options.changesEvery() - 1;
            stories.add(new Story(endpoints, changes, "Fehlertest " + name + " " + run + "." + next.incrementAndGet(),
                    deadline));
        }
        // the stories start one after the other over SPREAD and the fault hits while they do, so it meets
        // submissions, decisions, events and mails in flight
        ExecutorService pool = Executors.newFixedThreadPool(proposals);
        long interval = SPREAD.toMillis() / proposals;
        Thread starter = new Thread(() -> {
            for (Story story : stories) {
                pool.execute(story::run);
                sleep(interval);
            }
        }, "faults-story-starter");
        starter.start();
        Thread.sleep(FAULT_AFTER.toMillis());
        FaultTimes times = inject(fault);
        starter.join();
        pool.shutdown();
        pool.awaitTermination(options.storyTimeout().toSeconds() + 10, TimeUnit.SECONDS);
        long storiesDone = System.currentTimeMillis();

        List<MailCount.Expectation> expectations = new ArrayList<>();
        for (Story story : stories) {
            if (story.id != null) {
                expectations.addAll(expectations(story));
            }
        }
        MailCount mails = awaitMails(expectations);
        long mailsCounted = System.currentTimeMillis();
        List<String> notes = new ArrayList<>(mails.examples());
        int duplicateCases = 0;
        int doubleTransitions = 0;
        for (Story story : stories) {
            if (story.failure != null) {
                notes.add("story " + story.id + " did not finish: " + story.failure);
            }
            if (story.id != null) {
                duplicateCases += duplicateCases(story, notes);
                doubleTransitions += doubleTransitions(story, notes);
            }
        }
        long deadLetters = deadLetters() - deadLettersBefore;
        if (deadLetters > 0) {
            notes.add(deadLetters + " new record(s) in the dead-letter topics (error.*)");
        }
        List<String> unhealthy = unhealthy();
        unhealthy.forEach(u -> notes.add("not healthy: " + u));
        List<String> idleHere = List.copyOf(idle);
        idle.clear();
        idleHere.forEach(i -> notes.add("did no work of its own: " + i));
        long completed = stories.stream().filter(Story::completed).count();
        long lastStory = stories.stream().mapToLong(s -> s.completedAt).max().orElse(0);
        long drainedAt = Math.max(lastStory, mails.lastReceivedAt());
        Row row = new Row(name, run, proposals, (int) completed, mails, duplicateCases, doubleTransitions, deadLetters,
                unhealthy, idleHere, seconds(times.end - times.start), seconds(times.healthy - times.end),
                seconds(drainedAt - times.end), notes,
                options.toleratesResendsAfterKill() && (fault.equals("kill-notification") || fault.equals("kill-instance-2"))
                        || options.toleratesResendsAfterCut() && fault.equals("smtp-outage"));
        OUT.println("  " + row.line());
        OUT.printf(java.util.Locale.ROOT, "  (stories done %.1f s after the fault ended, mails counted %.1f s later, checks %.1f s)%n",
                seconds(storiesDone - times.end), seconds(mailsCounted - storiesDone),
                seconds(System.currentTimeMillis() - mailsCounted));
        notes.forEach(note -> OUT.println("    " + note));
        return row;
    }

    private record FaultTimes(long start, long end, long healthy) {
    }

    /** Instances that neither consumed nor relayed anything before the kill (filled by the kill-instance-2 run). */
    private final List<String> idle = new ArrayList<>();

    /** Hits the system; returns when the fault ended (what was killed is back, what was cut is restored). */
    private FaultTimes inject(String fault) throws InterruptedException {
        long start = System.currentTimeMillis();
        switch (fault) {
            case "kill-proposal", "kill-review", "kill-notification" -> {
                Service service = switch (fault) {
                    case "kill-proposal" -> Service.PROPOSAL;
                    case "kill-review" -> Service.REVIEW;
                    default -> Service.NOTIFICATION;
                };
                system.kill(service, 1);
                long end = System.currentTimeMillis();
                system.restart(service, 1);
                return new FaultTimes(start, end, awaitHealthy());
            }
            case "devstack-restart" -> {
                system.restartInfrastructure(Duration.ofSeconds(2));
                long end = System.currentTimeMillis();
                return new FaultTimes(start, end, awaitHealthy());
            }
            case "smtp-outage" -> {
                smtpProxy.cut();
                Thread.sleep(options.smtpOutage().toMillis());
                smtpProxy.restore();
                long end = System.currentTimeMillis();
                return new FaultTimes(start, end, awaitHealthy());
            }
            case "mongo-outage" -> {
                mongoProxy.cut();
                Thread.sleep(options.mongoOutage().toMillis());
                mongoProxy.restore();
                long end = System.currentTimeMillis();
                return new FaultTimes(start, end, awaitHealthy());
            }
            case "kill-instance-2" -> {
                // before the kill: both instances of each service did their share
                idle.addAll(sharing());
                for (Service service : Service.values()) {
                    system.kill(service, 2);
                }
                long end = System.currentTimeMillis();
                return new FaultTimes(start, end, awaitHealthy());
            }
            default -> {
                return new FaultTimes(start, start, start);
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /** One mail per step to the focus group and each partner contact, one request per round to each reviewer. */
    private List<MailCount.Expectation> expectations(Story story) {
        String reference = ProposalReference.of(UUID.fromString(story.id));
        // submitted, review completed, expression of interest, granted; with changes also the request
        // for changes' outcome and the resubmission
        int steps = story.withChanges() ? 6 : 4;
        List<MailCount.Expectation> list = new ArrayList<>();
        list.add(new MailCount.Expectation(focusGroupAddress, reference, steps, true));
        partnerAddresses.forEach(a -> list.add(new MailCount.Expectation(a, reference, steps, true)));
        Map<String, Integer> rounds = new LinkedHashMap<>();
        synchronized (story.reviewersPerRound) {
            story.reviewersPerRound.forEach(round -> round.forEach(r -> rounds.merge(r, 1, Integer::sum)));
        }
        rounds.forEach((reviewer, n) -> list.add(new MailCount.Expectation(reviewerAddresses.get(reviewer), reference,
                n, false)));
        return list;
    }

    /** Waits until every expected mail is there (or the patience ends), then a little longer for late repeats. */
    private MailCount awaitMails(List<MailCount.Expectation> expectations) throws InterruptedException {
        long until = System.currentTimeMillis() + MAIL_PATIENCE.toMillis();
        MailCount count = count(expectations);
        while (count.lost() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(1000);
            count = count(expectations);
        }
        Thread.sleep(SETTLE.toMillis());
        return count(expectations);
    }

    private MailCount count(List<MailCount.Expectation> expectations) {
        Set<String> addresses = new java.util.TreeSet<>();
        addresses.add(focusGroupAddress);
        addresses.addAll(partnerAddresses);
        addresses.addAll(reviewerAddresses.values());
        List<Mailboxes.Mail> mails = new ArrayList<>();
        addresses.forEach(a -> mails.addAll(mailboxes.read(a)));
        return MailCount.of(expectations, mails);
    }

    /** Review cases beyond one per proposal and round. */
    private int duplicateCases(Story story, List<String> notes) {
        JsonNode page = api(Service.REVIEW, 1).as("koordination").get("/api/reviews?size=50&proposalId=" + story.id)
                .expect(200);
        Map<Integer, Integer> perRound = new HashMap<>();
        page.get("content").forEach(c -> perRound.merge(c.get("round").asInt(), 1, Integer::sum));
        int extra = perRound.values().stream().mapToInt(n -> n - 1).sum();
        if (extra > 0) {
            notes.add("proposal " + story.id + " has review cases per round " + perRound);
        }
        return extra;
    }

    /** Status transitions in the history beyond the story's own (a round's SUBMITTED->IN_REVIEW counts per round). */
    private int doubleTransitions(Story story, List<String> notes) {
        JsonNode history = items(api(Service.PROPOSAL, 1).as("koordination")
                .get("/api/proposals/" + story.id + "/history?size=100").expect(200));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode entry : history) {
            JsonNode from = entry.get("from");
            JsonNode to = entry.get("to");
            if (from != null && !from.isNull() && to != null && !to.isNull()
                    && !from.asString().equals(to.asString())) {
                seen.merge(from.asString() + "->" + to.asString(), 1, Integer::sum);
            }
        }
        if (seen.isEmpty()) {
            notes.add("proposal " + story.id + " history shows no status transition: " + history);
            return 1;
        }
        int rounds = story.withChanges() ? 2 : 1;
        int extra = 0;
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            int allowed = e.getKey().equals("SUBMITTED->IN_REVIEW") ? rounds : 1;
            extra += Math.max(0, e.getValue() - allowed);
        }
        if (extra > 0) {
            notes.add("proposal " + story.id + " history has transitions " + seen);
        }
        return extra;
    }

    /** Records in every dead-letter topic ({@code error.<topic>.<group>}) together. */
    private long deadLetters() {
        String bootstrap = system.config().kafkaBootstrapServers();
        for (int attempt = 0; attempt < 30; attempt++) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                 KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                         new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                    if (topic.startsWith("error.")) {
                        consumer.partitionsFor(topic, Duration.ofSeconds(10))
                                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                    }
                }
                long total = 0;
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
                for (TopicPartition p : partitions) {
                    total += end.get(p) - begin.get(p);
                }
                return total;
            } catch (Exception e) {
                sleep(1000);
            }
        }
        throw new IllegalStateException("could not read the dead-letter topics");
    }

    /** Every running instance whose health is not UP. */
    private List<String> unhealthy() {
        List<String> bad = new ArrayList<>();
        for (Service service : Service.values()) {
            for (int i = 1; i <= system.topology().instances(); i++) {
                if (!system.process(service, i).isAlive()) {
                    continue;
                }
                ApiClient.Response health = ApiClient.of(system.baseUrl(service, i)).get("/actuator/health");
                if (health.status() != 200) {
                    bad.add(service.id() + "-" + i + ": " + health.status() + " " + health.text());
                }
            }
        }
        return bad;
    }

    /** Waits until every running instance answers its health check with UP; returns when. */
    private long awaitHealthy() {
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            try {
                if (unhealthy().isEmpty()) {
                    return System.currentTimeMillis();
                }
            } catch (RuntimeException e) {
                // not answering yet
            }
            sleep(250);
        }
        return System.currentTimeMillis();
    }

    private static final Pattern PUBLISHED = Pattern.compile("\"publishedSinceStart\"\\s*:\\s*(\\d+)");
    private static final Pattern METRIC_COUNT =
            Pattern.compile("\"statistic\"\\s*:\\s*\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+]+)");
    /** Per consumer (one per binding): with eager rebalancing each generation lists its whole assignment. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "clientId=([^,\\]]+), groupId=[^\\]]*\\] Adding newly assigned partitions: \\[([^\\]]*)\\]");

    /**
     * Whether both instances of each service work: the partitions each instance's consumers were
     * last given (from its log) and the events its outbox relay published (from its health). Prints what
     * it saw; returns the instances that consumed or relayed nothing.
     */
    private List<String> sharing() {
        List<String> idleInstances = new ArrayList<>();
        for (Service service : Service.values()) {
            for (int i = 1; i <= system.topology().instances(); i++) {
                ManagedProcess process = system.process(service, i);
                Map<String, String> lastPerConsumer = new LinkedHashMap<>();
                try {
                    for (String line : Files.readAllLines(process.logFile())) {
                        Matcher m = ASSIGNED.matcher(line);
                        if (m.find()) {
                            lastPerConsumer.put(m.group(1), m.group(2));
                        }
                    }
                } catch (IOException e) {
                    lastPerConsumer.put("log", "unreadable: " + e);
                }
                String partitions = String.join(", ", lastPerConsumer.values().stream().filter(p -> !p.isBlank()).toList());
                long published = -1;
                ApiClient.Response health = ApiClient.of(system.baseUrl(service, i)).as("koordination")
                        .get("/actuator/health");
                Matcher m = PUBLISHED.matcher(health.text());
                if (m.find()) {
                    published = Long.parseLong(m.group(1));
                }
                // notification-service reports a sent mail straight to its topic, not through its relay (ADR 21):
                // its own work is the mails it sent
                long mailsSent = service == Service.NOTIFICATION ? mailsSent(system.baseUrl(service, i)) : -1;
                OUT.printf("  %-24s consumes [%s], its relay published %d events%s%n", process.name(), partitions,
                        published, mailsSent >= 0 ? ", it sent " + mailsSent + " mails" : "");
                if (partitions.isEmpty()) {
                    idleInstances.add(process.name() + " consumed nothing");
                }
                if (published <= 0 && mailsSent <= 0) {
                    idleInstances.add(process.name() + (service == Service.NOTIFICATION
                            ? " relayed and sent nothing" : " relayed nothing"));
                }
            }
        }
        return idleInstances;
    }

    /** Mails this instance's dispatcher had accepted by the server (its metric), -1 if it cannot be read. */
    private static long mailsSent(String baseUrl) {
        ApiClient.Response answer = ApiClient.of(baseUrl).as("koordination").get("/actuator/metrics/proposalflow.mails.sent");
        Matcher m = METRIC_COUNT.matcher(answer.text());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /** The entries of a list answer: a page's {@code content}, or the array itself. */
    private static JsonNode items(JsonNode answer) {
        JsonNode content = answer.get("content");
        return content != null && content.isArray() ? content : answer;
    }

    /** An instance of the service that is alive, taking turns between instances. */
    private ApiClient api(Service service, int turn) {
        int instances = system.topology().instances();
        for (int k = 0; k < instances; k++) {
            int instance = 1 + Math.floorMod(turn + k, instances);
            if (system.process(service, instance).isAlive()) {
                return ApiClient.of(system.baseUrl(service, instance));
            }
        }
        return ApiClient.of(system.baseUrl(service, 1));
    }

    private static double seconds(long millis) {
        return Math.max(0, millis) / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
