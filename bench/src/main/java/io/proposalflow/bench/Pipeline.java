package io.proposalflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the pipeline did under load, from the flows the driver started and the watcher stamped. */
record Pipeline(long submitted, long measured, long measuredCompleted, double throughput, double windowSeconds,
                long drainMillis, List<Double> submitToLastMail, Percentiles submitToLastMailPercentiles,
                Percentiles submitToReviewOpened, Percentiles decisionToReviewCompleted, Percentiles eventToMail,
                Percentiles httpSubmit, Percentiles httpDecide, long httpErrors, String lastHttpError,
                double eventsPerProposal, double writesPerProposal, double eventBytesAverage,
                long duplicateMails, long redeliveredEvents, Map<String, Long> eventsPerTopic) {

    static Pipeline of(LoadDriver driver, EventWatcher watcher, long measureFrom, long loadEnd, long drainMillis,
            long writes) {
        List<Flow> all = new ArrayList<>(driver.flows.values());
        List<Flow> measured = all.stream().filter(f -> f.measured).toList();
        List<Flow> done = measured.stream().filter(Flow::completed).toList();
        long allCompleted = all.stream().filter(Flow::completed).count();
        double window = (loadEnd - measureFrom) / 1000.0;
        // the rate at which the measured proposals went all the way through: from the first one's
        // submit to the last one's last mail (a pipeline that falls behind spreads them out)
        long firstSubmit = done.stream().mapToLong(f -> f.submitStartedAt).min().orElse(measureFrom);
        long lastCompletion = done.stream().mapToLong(f -> f.completedAt).max().orElse(loadEnd);
        double throughput = done.isEmpty() ? 0 : done.size() / Math.max(0.001, (lastCompletion - firstSubmit) / 1000.0);

        List<Double> total = new ArrayList<>();
        List<Double> opened = new ArrayList<>();
        List<Double> reviewCompleted = new ArrayList<>();
        List<Double> eventToMail = new ArrayList<>();
        for (Flow f : done) {
            total.add((double) (f.lastMailAt - f.submitStartedAt));
            if (f.reviewOpenedAt > 0) {
                opened.add((double) (f.reviewOpenedAt - f.submitStartedAt));
            }
            if (f.approvedAt > 0 && f.lastDecisionStartedAt > 0) {
                reviewCompleted.add((double) (f.approvedAt - f.lastDecisionStartedAt));
            }
            synchronized (f) {
                eventToMail.addAll(f.eventToMailMillis);
            }
        }
        long events = watcher.events.get();
        return new Pipeline(driver.submitted.get(), measured.size(), done.size(), throughput, window,
                drainMillis, total, Percentiles.of(total), Percentiles.of(opened), Percentiles.of(reviewCompleted),
                Percentiles.of(eventToMail), Percentiles.of(List.copyOf(driver.submitMillis)),
                Percentiles.of(List.copyOf(driver.decideMillis)), driver.httpErrors.get(), driver.lastHttpErrorText,
                allCompleted == 0 ? 0 : (double) events / allCompleted,
                allCompleted == 0 ? 0 : (double) writes / allCompleted,
                events == 0 ? 0 : (double) watcher.eventBytes.get() / events,
                watcher.unexpectedMails.get(), watcher.redeliveries.get(), watcher.distinctEventsPerTopic());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("proposals_submitted", submitted);
        json.put("proposals_measured", measured);
        json.put("proposals_measured_completed", measuredCompleted);
        json.put("proposals_measured_incomplete", measured - measuredCompleted);
        json.put("throughput_proposals_per_s", Report.round2(throughput));
        json.put("measured_window_s", windowSeconds);
        json.put("drain_after_load_ms", drainMillis);
        json.put("latency_submit_to_last_mail", submitToLastMailPercentiles.toJson());
        json.put("stage_submit_to_review_opened", submitToReviewOpened.toJson());
        json.put("stage_decision_to_review_completed", decisionToReviewCompleted.toJson());
        json.put("stage_event_to_mail_sent", eventToMail.toJson());
        json.put("http_submit", httpSubmit.toJson());
        json.put("http_decide", httpDecide.toJson());
        json.put("http_errors", httpErrors);
        json.put("last_http_error", lastHttpError);
        json.put("events_per_proposal", Report.round1(eventsPerProposal));
        json.put("events_per_topic", eventsPerTopic);
        json.put("mongo_writes_per_proposal", Report.round1(writesPerProposal));
        json.put("event_bytes_average", Math.round(eventBytesAverage));
        json.put("mails_beyond_expected", duplicateMails);
        json.put("redelivered_events", redeliveredEvents);
        return json;
    }
}
