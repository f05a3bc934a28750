package io.proposalflow.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;

import io.proposalflow.launcher.ApiClient;

/**
 * One pipeline measurement: load (open or closed loop) for warm-up + duration, then the drain; the
 * pipeline's figures, and the work it cost: MongoDB writes by collection and kind and events by
 * type (from the start of the load until drained, per completed proposal, as before), and the CPU
 * of each process over the measured window (per proposal completed in that window).
 */
record Phase(Pipeline pipeline, WriteCounters writes, Map<String, Long> eventsByType, long completed,
             Map<String, Double> cpuSpent, long completedInWindow, double windowSeconds,
             Map<String, Double> cpuSpentWhole, WarmUp.Course course, double warmupSeconds, boolean steady) {

    /** Closed loop with {@code concurrency} in flight, or open loop at {@code rate} (one of them null). */
    record Load(Double rate, Integer concurrency) {

        String describe() {
            return rate != null ? String.format(Locale.ROOT, "open loop, %.1f proposals/s offered", rate)
                    : "closed loop, " + concurrency + " in flight";
        }
    }

    static final String DRIVER = "bench (load driver)";
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(90);

    static Phase run(Load load, WarmUp warmUp, Duration duration, String kafkaBootstrap, MongoClient mongo,
            ApiClient proposals, ApiClient reviews, CpuClock cpu) throws Exception {
        LoadDriver driver = new LoadDriver(proposals, reviews);
        try (EventWatcher watcher = new EventWatcher(kafkaBootstrap, driver.flows, driver::decide)) {
            WriteCounters writesBefore = WriteCounters.read(mongo);
            Map<String, Double> cpuAtLoadStart = cpu.read();
            long loadStart = System.currentTimeMillis();
            LoadDriver.Window window = new LoadDriver.Window();
            CompletableFuture<Map<String, Double>> cpuAtStart = new CompletableFuture<>();
            CompletableFuture<Map<String, Double>> cpuAtEnd = new CompletableFuture<>();
            System.out.printf(Locale.ROOT, "bench: %s for %d s after %s%n", load.describe(), duration.toSeconds(),
                    warmUp.describe());
            WarmUp.Course course = new WarmUp.Course();
            ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
            if (!warmUp.untilSteadyMode()) {
                long measureFrom = loadStart + warmUp.fixed().toMillis();
                window.set(measureFrom, measureFrom + duration.toMillis());
                clock.schedule(() -> cpuAtStart.complete(cpu.read()), measureFrom - loadStart, TimeUnit.MILLISECONDS);
                clock.schedule(() -> cpuAtEnd.complete(cpu.read()), window.until() - loadStart, TimeUnit.MILLISECONDS);
            }
            course.add(step(driver, cpu, cpuAtLoadStart, loadStart));
            AtomicReference<Boolean> steadyAtStart = new AtomicReference<>();
            clock.scheduleAtFixedRate(() -> {
                try {
                    Map<String, Double> now = cpu.read();
                    course.add(step(driver, cpu, now, loadStart));
                    if (!window.decided() && (course.steady()
                            || System.currentTimeMillis() - loadStart >= warmUp.limit().toMillis())) {
                        long measureFrom = System.currentTimeMillis();
                        window.set(measureFrom, measureFrom + duration.toMillis());
                        cpuAtStart.complete(now);
                        clock.schedule(() -> cpuAtEnd.complete(cpu.read()), duration.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                    if (steadyAtStart.get() == null && window.measuring()) {
                        steadyAtStart.set(course.steady());
                    }
                } catch (RuntimeException e) {
                    System.err.println("bench: a step of the load's course was not recorded: " + e);
                }
            }, WarmUp.STEP.toMillis(), WarmUp.STEP.toMillis(), TimeUnit.MILLISECONDS);
            Thread progress = progress(driver, watcher, loadStart);
            if (load.rate() != null) {
                driver.openLoop(load.rate(), window);
            } else {
                driver.closedLoop(load.concurrency(), window);
            }
            Map<String, Double> cpuSpent = CpuClock.spent(cpuAtStart.get(), cpuAtEnd.get());
            clock.shutdownNow();
            long measureFrom = window.measureFrom();
            long loadEnd = window.until();
            long drainStart = System.currentTimeMillis();
            while (System.currentTimeMillis() - drainStart < DRAIN_LIMIT.toMillis()
                    && driver.flows.values().stream().anyMatch(f -> !f.completed())) {
                Thread.sleep(100);
            }
            long drainMillis = System.currentTimeMillis() - drainStart;
            progress.interrupt();
            progress.join();
            System.err.println();
            Map<String, Double> cpuWhole = CpuClock.spent(cpuAtLoadStart, cpu.read());
            WriteCounters writes = WriteCounters.read(mongo).minus(writesBefore);
            Pipeline pipeline = Pipeline.of(driver, watcher, measureFrom, loadEnd, drainMillis, writes.total());
            long completed = driver.flows.values().stream().filter(Flow::completed).count();
            long inWindow = driver.flows.values().stream()
                    .filter(f -> f.completed() && f.completedAt >= measureFrom && f.completedAt < loadEnd).count();
            boolean steady = Boolean.TRUE.equals(steadyAtStart.get());
            return new Phase(pipeline, writes, watcher.distinctEventsPerType(), completed, cpuSpent, inWindow,
                    (loadEnd - measureFrom) / 1000.0, cpuWhole, course, (measureFrom - loadStart) / 1000.0, steady);
        }
    }

    private static WarmUp.Step step(LoadDriver driver, CpuClock cpu, Map<String, Double> cpuNow, long loadStart) {
        long completed = driver.flows.values().stream().filter(Flow::completed).count();
        double system = cpuNow.entrySet().stream().filter(e -> !DRIVER.equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return new WarmUp.Step((System.currentTimeMillis() - loadStart) / 1000.0, completed, system,
                cpu.readCompilers());
    }

    /** CPU seconds per proposal of the system's processes (the load driver not included), or NaN. */
    double cpuPerProposal() {
        if (completedInWindow == 0 || cpuSpent.isEmpty()) {
            return Double.NaN;
        }
        return cpuSpent.entrySet().stream().filter(e -> !DRIVER.equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum() / completedInWindow;
    }

    /**
     * The same over the whole phase, warm-up and drain included, per proposal completed in it: the
     * figure to read when the pipeline fell behind the load (open loop beyond capacity), where few
     * proposals complete inside the window while the CPU works off the backlog.
     */
    double cpuPerProposalWholePhase() {
        if (completed == 0 || cpuSpentWhole.isEmpty()) {
            return Double.NaN;
        }
        return cpuSpentWhole.entrySet().stream().filter(e -> !DRIVER.equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum() / completed;
    }

    Map<String, Double> cpuPerProposalByProcess() {
        Map<String, Double> per = new LinkedHashMap<>();
        if (completedInWindow > 0) {
            cpuSpent.forEach((name, s) -> per.put(name, Report.round3(s / completedInWindow)));
        }
        return per;
    }

    Map<String, Double> eventsPerProposalByType() {
        Map<String, Double> per = new TreeMap<>();
        if (completed > 0) {
            eventsByType.forEach((type, n) -> per.put(type, Report.round2((double) n / completed)));
        }
        return per;
    }

    Map<String, Object> workJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("proposals_completed", completed);
        json.put("mongo_writes_per_proposal", Report.round1(pipeline.writesPerProposal()));
        json.put("mongo_writes_per_proposal_by_collection", writes.perProposal(completed));
        json.put("events_per_proposal", Report.round1(pipeline.eventsPerProposal()));
        json.put("events_per_proposal_by_type", eventsPerProposalByType());
        json.put("mails_per_proposal", EventWatcher.MAILS_PER_PROPOSAL);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("measured_window_s", windowSeconds);
        cpu.put("proposals_completed_in_window", completedInWindow);
        cpu.put("cpu_s_in_window_by_process", cpuSpent.entrySet().stream().collect(LinkedHashMap::new,
                (m, e) -> m.put(e.getKey(), Report.round2(e.getValue())), Map::putAll));
        cpu.put("cpu_s_per_proposal_by_process", cpuPerProposalByProcess());
        cpu.put("cpu_s_per_proposal_system", Double.isNaN(cpuPerProposal()) ? null : Report.round3(cpuPerProposal()));
        cpu.put("cpu_s_per_proposal_system_whole_phase", Double.isNaN(cpuPerProposalWholePhase()) ? null
                : Report.round3(cpuPerProposalWholePhase()));
        cpu.put("cores_busy_system", windowSeconds == 0 ? null : Report.round2(cpuSpent.entrySet().stream()
                .filter(e -> !DRIVER.equals(e.getKey())).mapToDouble(Map.Entry::getValue).sum() / windowSeconds));
        json.put("cpu", cpu);
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("warmup_s", Report.round1(warmupSeconds));
        warm.put("steady_when_measured", steady);
        warm.put("steps_of_10_s", course.toJson());
        json.put("course_of_the_load", warm);
        return json;
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
