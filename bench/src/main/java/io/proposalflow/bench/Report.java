package io.proposalflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The console table, and the floor arithmetic it shares with results.json. */
final class Report {

    /** The best rate the pipeline could reach, per resource, for the work one proposal needs. */
    record Bound(double kafka, double mongo, double smtp, double rate, String limitedBy) {
    }

    private Report() {
    }

    static Bound bound(Floor.Result floor, Pipeline pipeline) {
        double kafka = floor.kafkaRecordsPerSecond() / Math.max(1, pipeline.eventsPerProposal());
        double mongo = floor.mongoWritesPerSecond() / Math.max(1, pipeline.writesPerProposal());
        double smtp = floor.smtpMailsPerSecondReused() / EventWatcher.MAILS_PER_PROPOSAL;
        double rate = Math.min(kafka, Math.min(mongo, smtp));
        String by = rate == kafka ? "kafka" : rate == mongo ? "mongo" : "smtp";
        return new Bound(kafka, mongo, smtp, rate, by);
    }

    static String table(BenchOptions options, Phase phase, Floor.Pair floors, Phase openLoop, Double fraction,
            Preload.Result preload, PortalLoad.Result portal, List<ServiceFigures> services,
            Map<String, Double> idleCores) {
        Pipeline p = phase.pipeline();
        StringBuilder b = new StringBuilder("\n");
        if (preload != null) {
            line(b, "preloaded", String.format(Locale.ROOT, "%,d finished proposals (%,d documents, %.0f s) before"
                    + " measuring", preload.proposals(), preload.documents(), preload.seconds()));
        }
        line(b, "load", new Phase.Load(options.rate(), options.concurrency()).describe());
        line(b, "warm-up", String.format(Locale.ROOT, "%.0f s (%s); %s", phase.warmupSeconds(),
                options.warmup().describe(), phase.steady() ? "steady when the window started"
                        : "NOT steady when the window started: the figures measure a system still warming up"));
        b.append("  course of the load, 10 s steps (warm-up, then the measured window)\n")
                .append(phase.course().describe());
        line(b, "proposals", String.format(Locale.ROOT, "%d submitted, %d measured, %d of them completed, %d not",
                p.submitted(), p.measured(), p.measuredCompleted(), p.measured() - p.measuredCompleted()));
        line(b, "throughput", String.format(Locale.ROOT, "%.2f proposals/s fully processed (last mail sent)",
                p.throughput()));
        line(b, "drain after load", p.drainMillis() + " ms");
        b.append(String.format(Locale.ROOT, "%n  %-34s %8s %8s %8s %8s %7s%n", "latency (ms)", "p50", "p95", "p99",
                "max", "count"));
        row(b, "submit -> last mail", p.submitToLastMailPercentiles());
        row(b, "  submit -> review opened", p.submitToReviewOpened());
        row(b, "  decision -> review completed", p.decisionToReviewCompleted());
        row(b, "  event -> mail sent", p.eventToMail());
        row(b, "HTTP submit", p.httpSubmit());
        row(b, "HTTP decide", p.httpDecide());
        b.append('\n');
        line(b, "work per proposal", String.format(Locale.ROOT,
                "%.1f events (%d bytes avg), %.1f MongoDB writes, %d mails", p.eventsPerProposal(),
                Math.round(p.eventBytesAverage()), p.writesPerProposal(), EventWatcher.MAILS_PER_PROPOSAL));
        line(b, "anomalies", String.format(Locale.ROOT, "%d http errors, %d mails beyond expected, %d redelivered events",
                p.httpErrors(), p.duplicateMails(), p.redeliveredEvents()));
        work(b, phase);
        if (!idleCores.isEmpty()) {
            double idle = idleCores.entrySet().stream().filter(e -> !Phase.DRIVER.equals(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            line(b, "  of which idle", String.format(Locale.ROOT,
                    "%.3f s: the idle system (before the load) keeps %.3f cores busy (%s)",
                    phase.completedInWindow() == 0 ? Double.NaN
                            : idle * phase.windowSeconds() / phase.completedInWindow(), idle, idleCores));
        }
        if (floors != null) {
            Floor.Result floor = floors.mean();
            Floor.Result before = floors.before();
            Floor.Result after = floors.after();
            Map<String, Double> apart = floors.spreadPercent();
            Bound bound = bound(floor, p);
            b.append('\n');
            line(b, "floor kafka", String.format(Locale.ROOT,
                    "%,.0f records/s produced+consumed (before %,.0f, after %,.0f: %.1f %% apart) -> %.1f proposals/s",
                    floor.kafkaRecordsPerSecond(), before.kafkaRecordsPerSecond(), after.kafkaRecordsPerSecond(),
                    apart.get("kafka"), bound.kafka()));
            line(b, "floor mongodb", String.format(Locale.ROOT,
                    "%,.0f writes/s (before %,.0f, after %,.0f: %.1f %% apart) -> %.1f proposals/s",
                    floor.mongoWritesPerSecond(), before.mongoWritesPerSecond(), after.mongoWritesPerSecond(),
                    apart.get("mongo"), bound.mongo()));
            line(b, "floor smtp", String.format(Locale.ROOT,
                    "%,.0f mails/s reused connection (before %,.0f, after %,.0f: %.1f %% apart; %,.0f new each)"
                            + " -> %.1f proposals/s",
                    floor.smtpMailsPerSecondReused(), before.smtpMailsPerSecondReused(),
                    after.smtpMailsPerSecondReused(), apart.get("smtp"), floor.smtpMailsPerSecondNewConnection(),
                    bound.smtp()));
            line(b, "pipeline / floor", String.format(Locale.ROOT,
                    "%.2f from the mean floor, %.1f proposals/s, bound by %s (before only %.2f, after only %.2f)",
                    p.throughput() / bound.rate(), bound.rate(), bound.limitedBy(),
                    p.throughput() / bound(before, p).rate(), p.throughput() / bound(after, p).rate()));
        }
        if (openLoop != null) {
            Pipeline o = openLoop.pipeline();
            b.append('\n');
            line(b, "open loop", String.format(Locale.ROOT,
                    "%.2f x the capacity just measured = %.2f proposals/s offered; %.2f/s processed, %d of %d"
                            + " measured completed", fraction, fraction * p.throughput(), o.throughput(),
                    o.measuredCompleted(), o.measured()));
            b.append(String.format(Locale.ROOT, "  %-34s %8s %8s %8s %8s %7s%n", "open loop latency (ms)", "p50",
                    "p95", "p99", "max", "count"));
            row(b, "submit -> last mail", o.submitToLastMailPercentiles());
            row(b, "  event -> mail sent", o.eventToMail());
            line(b, "  CPU per proposal", cpu(openLoop));
        }
        if (portal != null) {
            b.append('\n');
            line(b, "portal", String.format(Locale.ROOT,
                    "%d users signed in of %d, closed loop: %.1f pages/s, %d errors (non-200 or no answer)",
                    portal.signedIn(), portal.users(), portal.pagesPerSecond(), portal.errorCount()));
            if (portal.errorCount() > 0) {
                line(b, "  errors by page", portal.errors().toString());
                line(b, "  last error", String.valueOf(portal.lastError()));
            }
            b.append(String.format(Locale.ROOT, "%n  %-34s %8s %8s %8s %8s %7s%n", "portal page (ms)", "p50", "p95",
                    "p99", "max", "count"));
            portal.pages().forEach((kind, pct) -> row(b, kind, pct));
            row(b, "all pages", portal.overall());
            row(b, "sign-in (form + POST)", portal.signIn());
        }
        b.append(String.format(Locale.ROOT, "%n  %-22s %16s %16s %12s %10s%n", "service", "start->healthy s",
                "Spring started s", "resident MB", "heap MB"));
        for (ServiceFigures s : services) {
            b.append(String.format(Locale.ROOT, "  %-22s %16s %16s %12s %10s%n", s.service(),
                    fmt(s.startupToHealthySeconds(), "%.1f"), fmt(s.springStartedSeconds(), "%.1f"),
                    fmt(s.residentMemoryMb(), "%.0f"), fmt(s.heapUsedMb(), "%.0f")));
        }
        return b.toString();
    }

    /** Writes by collection and kind, events by type, CPU by process: all per proposal. */
    private static void work(StringBuilder b, Phase phase) {
        b.append(String.format(Locale.ROOT, "%n  MongoDB writes per proposal, by collection and kind (%d proposals)%n",
                phase.completed()));
        phase.writes().perProposal(phase.completed()).forEach((collection, kinds) -> {
            StringBuilder detail = new StringBuilder();
            kinds.forEach((kind, n) -> {
                if (!"total".equals(kind)) {
                    detail.append(detail.isEmpty() ? "" : ", ").append(kind).append(' ')
                            .append(String.format(Locale.ROOT, "%.2f", n));
                }
            });
            b.append(String.format(Locale.ROOT, "    %-42s %6.2f   %s%n", collection, kinds.get("total"), detail));
        });
        b.append(String.format(Locale.ROOT, "    %-42s %6.2f%n", "all (opcounters)", phase.pipeline().writesPerProposal()));
        b.append(String.format(Locale.ROOT, "  events per proposal, by type%n"));
        phase.eventsPerProposalByType().forEach((type, n) ->
                b.append(String.format(Locale.ROOT, "    %-42s %6.2f%n", type, n)));
        b.append(String.format(Locale.ROOT, "    %-42s %6.2f%n", "all", phase.pipeline().eventsPerProposal()));
        line(b, "CPU per proposal", cpu(phase));
    }

    private static String cpu(Phase phase) {
        if (Double.isNaN(phase.cpuPerProposal())) {
            return "- (no process readable, or no proposal completed in the window)";
        }
        StringBuilder split = new StringBuilder();
        Double driver = null;
        for (Map.Entry<String, Double> e : phase.cpuPerProposalByProcess().entrySet()) {
            if (Phase.DRIVER.equals(e.getKey())) {
                driver = e.getValue();
            } else {
                split.append(split.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", e.getValue()));
            }
        }
        double total = phase.cpuSpent().entrySet().stream().filter(e -> !Phase.DRIVER.equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return String.format(Locale.ROOT, "%.3f s (%s); load driver %s s; %.2f cores busy, %d proposals completed in"
                        + " the %.0f s window (whole load with warm-up and drain: %.3f s for %d)",
                phase.cpuPerProposal(), split,
                driver == null ? "-" : String.format(Locale.ROOT, "%.3f", driver), total / phase.windowSeconds(),
                phase.completedInWindow(), phase.windowSeconds(), phase.cpuPerProposalWholePhase(), phase.completed());
    }

    /** --preload-compare: the figures of the empty and the preloaded run side by side. */
    static Map<String, Object> preloadComparison(long preload, BenchMain.Summary empty, BenchMain.Summary loaded) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preloaded_proposals", preload);
        comparisonRows(empty, loaded).forEach((name, pair) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("empty", pair[0]);
            row.put("preloaded", pair[1]);
            row.put("change_percent", change(pair[0], pair[1]));
            json.put(name, row);
        });
        return json;
    }

    static String preloadTable(long preload, BenchMain.Summary empty, BenchMain.Summary loaded) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%n  preload comparison: empty database against %,d finished proposals stored%n", preload));
        b.append(String.format(Locale.ROOT, "  %-38s %12s %12s %10s%n", "", "empty", "preloaded", "change"));
        comparisonRows(empty, loaded).forEach((name, pair) -> {
            Double c = change(pair[0], pair[1]);
            b.append(String.format(Locale.ROOT, "  %-38s %12s %12s %10s%n", name, fmt(pair[0], "%.3f"),
                    fmt(pair[1], "%.3f"), c == null ? "-" : String.format(Locale.ROOT, "%+.1f %%", c)));
        });
        return b.toString();
    }

    private static Map<String, Double[]> comparisonRows(BenchMain.Summary empty, BenchMain.Summary loaded) {
        Map<String, Double[]> rows = new LinkedHashMap<>();
        Pipeline e = empty.phase().pipeline();
        Pipeline l = loaded.phase().pipeline();
        rows.put("throughput_proposals_per_s", new Double[] {e.throughput(), l.throughput()});
        rows.put("submit_to_last_mail_p50_ms", new Double[] {e.submitToLastMailPercentiles().p50(),
                l.submitToLastMailPercentiles().p50()});
        rows.put("submit_to_last_mail_p99_ms", new Double[] {e.submitToLastMailPercentiles().p99(),
                l.submitToLastMailPercentiles().p99()});
        rows.put("mongo_writes_per_proposal", new Double[] {e.writesPerProposal(), l.writesPerProposal()});
        rows.put("cpu_s_per_proposal", new Double[] {empty.phase().cpuPerProposal(), loaded.phase().cpuPerProposal()});
        rows.put("pipeline_to_floor_ratio", new Double[] {empty.pipelineToFloor(), loaded.pipelineToFloor()});
        return rows;
    }

    private static Double change(Double before, Double after) {
        if (before == null || after == null || before.isNaN() || after.isNaN() || before == 0) {
            return null;
        }
        return round1((after - before) / before * 100);
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }

    private static void row(StringBuilder b, String label, Percentiles p) {
        b.append(String.format(Locale.ROOT, "  %-34s %8s %8s %8s %8s %7d%n", label, fmt(p.p50(), "%.0f"),
                fmt(p.p95(), "%.0f"), fmt(p.p99(), "%.0f"), fmt(p.max(), "%.0f"), p.count()));
    }

    private static String fmt(Double value, String format) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, format, value);
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
