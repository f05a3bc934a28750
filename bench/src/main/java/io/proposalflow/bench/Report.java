package io.proposalflow.bench;

import java.util.List;
import java.util.Locale;

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

    static String table(BenchOptions options, Pipeline p, Floor.Result floor, PortalLoad.Result portal,
            List<ServiceFigures> services) {
        StringBuilder b = new StringBuilder("\n");
        line(b, "load", options.rate() != null
                ? String.format(Locale.ROOT, "open loop, %.1f proposals/s offered", options.rate())
                : "closed loop, " + options.concurrency() + " in flight");
        line(b, "proposals", String.format(Locale.ROOT, "%d submitted, %d measured, %d of them completed, %d not",
                p.submitted(), p.measured(), p.measuredCompleted(), p.measured() - p.measuredCompleted()));
        line(b, "throughput", String.format(Locale.ROOT, "%.2f proposals/s fully processed (last mail sent)",
                p.throughput()));
        line(b, "drain after load", p.drainMillis() + " ms");
        b.append(String.format(Locale.ROOT, "%n  %-34s %8s %8s %8s %8s %7s%n", "latency (ms)", "p50", "p95", "p99",
                "max", "count"));
        row(b, "submit -> last mail", p.submitToLastMailPercentiles());
        row(b, "  submit -> review opened", p.submitToReviewOpened());
        row(b, "  decision -> status changed", p.decisionToStatusChanged());
        row(b, "  event -> mail sent", p.eventToMail());
        row(b, "HTTP submit", p.httpSubmit());
        row(b, "HTTP decide", p.httpDecide());
        b.append('\n');
        line(b, "work per proposal", String.format(Locale.ROOT,
                "%.1f events (%d bytes avg), %.1f MongoDB writes, %d mails", p.eventsPerProposal(),
                Math.round(p.eventBytesAverage()), p.writesPerProposal(), EventWatcher.MAILS_PER_PROPOSAL));
        line(b, "anomalies", String.format(Locale.ROOT, "%d http errors, %d mails beyond expected, %d redelivered events",
                p.httpErrors(), p.duplicateMails(), p.redeliveredEvents()));
        if (floor != null) {
            Bound bound = bound(floor, p);
            line(b, "floor kafka", String.format(Locale.ROOT, "%,.0f records/s produced+consumed -> %.1f proposals/s",
                    floor.kafkaRecordsPerSecond(), bound.kafka()));
            line(b, "floor mongodb", String.format(Locale.ROOT, "%,.0f writes/s -> %.1f proposals/s",
                    floor.mongoWritesPerSecond(), bound.mongo()));
            line(b, "floor smtp", String.format(Locale.ROOT,
                    "%,.0f mails/s reused connection (%,.0f new each) -> %.1f proposals/s",
                    floor.smtpMailsPerSecondReused(), floor.smtpMailsPerSecondNewConnection(), bound.smtp()));
            line(b, "pipeline / floor", String.format(Locale.ROOT, "%.2f (floor %.1f proposals/s, bound by %s)",
                    p.throughput() / bound.rate(), bound.rate(), bound.limitedBy()));
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
}
