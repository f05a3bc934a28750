package io.proposalflow.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code ./run.sh}: the whole system in the foreground, with demo data, until Ctrl-C.
 */
public final class LauncherMain {

    /** What the launcher and the dev stack put in a data directory; --reset deletes nothing else. */
    private static final Set<String> DATA_ENTRIES = Set.of("kafka", "mongo", "mail", "logs");

    private LauncherMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("run.sh: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        if (options.reset()) {
            reset(dataDir);
            out.println("run.sh: --reset: deleted the data in " + dataDir);
        }
        SystemConfig config = new SystemConfig(root, dataDir, Ports.fromEnvironment(System.getenv()),
                SystemConfig.currentJava(),
                options.serviceJvmOptions().isEmpty() ? SystemConfig.DEFAULT_SERVICE_JVM_OPTIONS
                        : options.serviceJvmOptions(),
                Map.of()).withPortal();

        out.println("run.sh: starting the dev stack, the three services and the portal (logs in " + config.logDir() + ") ...");
        long started = System.nanoTime();
        ProposalSystem system;
        try {
            system = ProposalSystem.start(config);
        } catch (ManagedProcess.StartupException e) {
            System.err.println("run.sh: " + e.getMessage() + ". Last lines of " + e.logFile() + ":");
            e.processTail().forEach(line -> System.err.println("  | " + line));
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("run.sh: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            out.println("run.sh: stopping the services, then the dev stack ...");
            system.close();
            out.println("run.sh: stopped; data kept in " + dataDir + " (./run.sh --reset starts empty)");
            stopped.countDown();
        }, "launcher-shutdown"));

        List<DemoData.Outcome> demo = List.of();
        if (options.demoData()) {
            try {
                demo = new DemoData(system.api(Service.PROPOSAL)).load();
            } catch (RuntimeException e) {
                out.println("run.sh: loading the demo data failed (the system runs anyway): " + e.getMessage());
            }
        }
        out.print(banner(system, Duration.ofNanos(System.nanoTime() - started), demo));
        out.flush();
        watchForCrashes(system, stopping, out);
        stopped.await();
    }

    static String banner(ProposalSystem system, Duration startup, List<DemoData.Outcome> demo) {
        SystemConfig c = system.config();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nProposal workflow ready in %.1f s%n%n", startup.toMillis() / 1000.0));
        if (c.portal()) {
            b.append("  Portal (open it in a browser; sign in e.g. as fg-arbeitswelt, rev-kvhs or koordination,\n");
            b.append("  password \"demo\")\n");
            b.append(String.format(Locale.ROOT, "    %s%n%n", system.portalUrl()));
        }
        b.append("  API (browsable docs; log in with a demo user, password \"demo\", e.g. koordination)\n");
        for (Service service : Service.values()) {
            b.append(String.format(Locale.ROOT, "    %-21s %s/swagger-ui.html   health %s/actuator/health%n",
                    service.id(), system.baseUrl(service), system.baseUrl(service)));
        }
        b.append("\n  Mail that was sent\n");
        b.append(String.format(Locale.ROOT, "    delivery log          %s/api/notifications (as koordination)%n",
                system.baseUrl(Service.NOTIFICATION)));
        b.append(String.format(Locale.ROOT,
                "    mailboxes (IMAP)      127.0.0.1:%d, user = the recipient's address "
                        + "(e.g. anna.bergmann@example.org), any password%n", c.ports().imap()));
        b.append(String.format(Locale.ROOT, "    saved as .eml         %s/mail (when the system stops)%n", c.dataDir()));
        b.append("\n  Infrastructure\n");
        b.append(String.format(Locale.ROOT, "    Kafka %s   MongoDB %s   SMTP 127.0.0.1:%d%n",
                c.kafkaBootstrapServers(), c.mongoUri(""), c.ports().smtp()));
        b.append(String.format(Locale.ROOT, "    logs  %s%n", c.logDir()));
        if (!demo.isEmpty()) {
            b.append("\n  Demo proposals\n");
            for (DemoData.Outcome o : demo) {
                b.append(String.format(Locale.ROOT, "    %-13s %-22s %s%n      %s/api/proposals/%s%n", o.status(),
                        o.action(), o.title(), system.baseUrl(Service.PROPOSAL), o.id()));
            }
        }
        b.append("\nPress Ctrl-C to stop (data is kept; ./run.sh --reset starts empty).\n");
        return b.toString();
    }

    /** A service that dies while running is reported at once instead of being noticed much later. */
    private static void watchForCrashes(ProposalSystem system, AtomicBoolean stopping, PrintStream out) {
        Thread watch = new Thread(() -> {
            Set<String> reported = new HashSet<>();
            while (!stopping.get()) {
                for (ManagedProcess process : system.processes()) {
                    if (!process.isAlive() && !stopping.get() && reported.add(process.name())) {
                        out.println("run.sh: " + process.name() + " (pid " + process.pid()
                                + ") stopped unexpectedly; see " + process.logFile());
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Deletes what the system keeps in the data directory, and refuses if it holds anything else. */
    static void reset(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<Path> all = entries.toList();
            List<String> foreign = all.stream().map(p -> p.getFileName().toString())
                    .filter(name -> !DATA_ENTRIES.contains(name)).toList();
            if (!foreign.isEmpty()) {
                throw new IllegalStateException(dataDir + " holds files the system did not write (" + foreign
                        + "); not deleting it. Remove them or pick another --data-dir.");
            }
            for (Path entry : all) {
                FileTrees.delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset " + dataDir, e);
        }
    }

    /** The command line of run.sh. */
    record Options(boolean help, boolean reset, boolean demoData, Path dataDir, List<String> serviceJvmOptions) {

        /** The full text is run.sh's (./run.sh --help); this jar is meant to be started by it. */
        static final String USAGE = """
                Usage: ./run.sh [--reset] [--no-demo-data] [--data-dir <dir>]   (./run.sh --help for more)
                """;

        static Options parse(String[] args, Map<String, String> env) {
            boolean help = false;
            boolean reset = false;
            boolean demo = true;
            String dir = env.getOrDefault("PROPOSALFLOW_DATA_DIR", "data");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> help = true;
                    case "--reset" -> reset = true;
                    case "--no-demo-data" -> demo = false;
                    case "--data-dir" -> {
                        if (i + 1 >= args.length || args[i + 1].isBlank()) {
                            throw new IllegalArgumentException("--data-dir needs a directory");
                        }
                        dir = args[++i];
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (dir.isBlank()) {
                dir = "data";
            }
            return new Options(help, reset, demo, Path.of(dir),
                    ProposalSystem.splitOptions(env.get("SERVICE_JAVA_OPTS")));
        }
    }
}
