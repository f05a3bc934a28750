package io.proposalflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line of bench.sh. */
record BenchOptions(Double rate, Integer concurrency, Duration duration, WarmUp warmup, boolean running,
                    boolean floor, boolean portal, Path out, Map<String, String> serviceEnvironment, boolean help,
                    long preload, boolean preloadCompare, Double openLoopFraction) {

    /** In flight in the closed loop that measures the capacity for --open-loop, unless --concurrency says. */
    static final int CAPACITY_CONCURRENCY = 8;

    /**
     * Settings the benchmark gives notification-service unless told otherwise: the SMTP rate limit
     * protects a shared production relay (20 mails/s) and would otherwise be all this measures; the
     * floor is measured against the same local server without it.
     */
    static final Map<String, String> DEFAULT_SERVICE_ENVIRONMENT = Map.of("SMTP_RATE_LIMIT", "1000");

    static final String USAGE = """
            Usage: ./bench.sh [options]

            Starts the system on the embedded stack (free ports, fresh data under <out>/data), drives
            proposals through submit -> review -> two approvals -> approved -> mails, measures the raw
            limits of the same stack, times the portal's pages for 20 signed-in users, and prints a
            table; results.json and latency-histogram.png go to <out>.

            Options:
              --rate <n>            open loop: n new proposals per second (default 10)
              --concurrency <n>     closed loop instead: n proposals in flight at any time
              --duration <s>        measured seconds of load (default 30)
              --warmup <s>|steady   load before measuring: seconds, or "steady" (default): until the
                                    JIT compilers are quiet and the CPU per proposal of the last
                                    30 s agrees with the 30 s before within 5 %, at least 60 s,
                                    at most 600 s (the open loop and the portal then take 10 s)
              --running             use the system already running on the default ports (./run.sh;
                                    the portal on 8080 or PORTAL_PORT)
              --no-floor            skip the raw Kafka / MongoDB / SMTP measurements
              --no-portal           skip the portal's page load (20 signed-in users after the
                                    pipeline, same warm-up and duration; portal not started)
              --out <dir>           where results go (default target/bench)
              --service-env K=V     environment for every service, repeatable
                                    (default SMTP_RATE_LIMIT=1000, see docs/performance.md)
              --preload <n>         store n finished proposals before measuring (copies of one
                                    proposal's documents, inserted directly; see docs/performance.md)
              --preload-compare <n> two runs, each on a freshly started system: one empty, one
                                    with --preload n; prints both and how far apart they are
              --open-loop <f>       after the closed loop (--concurrency, default 8) has measured
                                    the capacity, an open loop at f times it (e.g. 0.7) on the same
                                    system, same warm-up and duration: the tail at that load
              --help                print this help

            Environment: SERVICE_JAVA_OPTS (JVM options of the services; default the launcher's
            without -XX:TieredStopAtLevel=1, i.e. with C2 as deployed), JAVA_HOME.
            """;

    static BenchOptions parse(String[] args) {
        Double rate = null;
        Integer concurrency = null;
        Duration duration = Duration.ofSeconds(30);
        WarmUp warmup = WarmUp.untilSteady();
        boolean running = false;
        boolean floor = true;
        boolean portal = true;
        boolean help = false;
        Path out = Path.of("target", "bench");
        long preload = 0;
        boolean preloadCompare = false;
        Double openLoop = null;
        Map<String, String> env = new LinkedHashMap<>(DEFAULT_SERVICE_ENVIRONMENT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rate" -> rate = positive(arg, value(args, ++i, arg));
                case "--concurrency" -> concurrency = (int) positive(arg, value(args, ++i, arg));
                case "--duration" -> duration = Duration.ofSeconds((long) positive(arg, value(args, ++i, arg)));
                case "--warmup" -> {
                    String value = value(args, ++i, arg);
                    warmup = "steady".equals(value) ? WarmUp.untilSteady()
                            : WarmUp.fixed(Duration.ofSeconds((long) nonNegative(arg, value)));
                }
                case "--running" -> running = true;
                case "--no-floor" -> floor = false;
                case "--no-portal" -> portal = false;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--service-env" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--service-env needs KEY=VALUE, was '" + pair + "'");
                    }
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--preload" -> preload = (long) nonNegative(arg, value(args, ++i, arg));
                case "--preload-compare" -> {
                    preload = (long) positive(arg, value(args, ++i, arg));
                    preloadCompare = true;
                }
                case "--open-loop" -> {
                    openLoop = positive(arg, value(args, ++i, arg));
                    if (openLoop > 1.5) {
                        throw new IllegalArgumentException("--open-loop is a fraction of the capacity (e.g. 0.7), was "
                                + openLoop);
                    }
                }
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (rate != null && concurrency != null) {
            throw new IllegalArgumentException("--rate and --concurrency exclude each other");
        }
        if (openLoop != null && rate != null) {
            throw new IllegalArgumentException("--open-loop measures the capacity in closed loop: use --concurrency,"
                    + " not --rate");
        }
        if (preloadCompare && running) {
            throw new IllegalArgumentException("--preload-compare starts two fresh systems: not with --running");
        }
        if (openLoop != null && concurrency == null) {
            concurrency = CAPACITY_CONCURRENCY;
        }
        if (rate == null && concurrency == null) {
            rate = 10.0;
        }
        return new BenchOptions(rate, concurrency, duration, warmup, running, floor, portal, out, Map.copyOf(env), help,
                preload, preloadCompare, openLoop);
    }

    /**
     * The warm-up of what follows the closed loop on the same, already warm system (the open loop, the
     * portal): the same fixed time, or 10 s after a warm-up until steady.
     */
    Duration warmupAfterPipeline() {
        return warmup.untilSteadyMode() ? Duration.ofSeconds(10) : warmup.fixed();
    }

    /** The same options for one run of --preload-compare: with n proposals preloaded, results under out. */
    BenchOptions single(long preloaded, Path runOut) {
        return new BenchOptions(rate, concurrency, duration, warmup, running, floor, portal, runOut,
                serviceEnvironment, help, preloaded, false, openLoopFraction);
    }

    String mode() {
        return concurrency != null ? "closed-loop" : "open-loop";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static double positive(String option, String value) {
        double number = nonNegative(option, value);
        if (number <= 0) {
            throw new IllegalArgumentException(option + " must be more than 0, was " + value);
        }
        return number;
    }

    private static double nonNegative(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number < 0 || Double.isNaN(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was '" + value + "'");
        }
    }
}
