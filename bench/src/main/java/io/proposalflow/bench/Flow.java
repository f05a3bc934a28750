package io.proposalflow.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One proposal on its way through the pipeline, with the moments the benchmark measures (epoch
 * milliseconds; event times are the CloudEvents {@code time} the services stamped, on the same
 * machine's clock as the benchmark's own).
 */
final class Flow {

    final String proposalId;
    final boolean measured;
    final long submitStartedAt;
    volatile long submitAnsweredAt;
    volatile long reviewOpenedAt;
    volatile long lastDecisionStartedAt;
    volatile long approvedAt;
    volatile long lastMailAt;
    volatile long completedAt;
    int mailsSent;
    final List<Double> eventToMailMillis = new ArrayList<>();
    volatile boolean decisionsStarted;

    Flow(String proposalId, boolean measured, long submitStartedAt) {
        this.proposalId = proposalId;
        this.measured = measured;
        this.submitStartedAt = submitStartedAt;
    }

    boolean completed() {
        return completedAt > 0;
    }
}
