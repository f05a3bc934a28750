package io.proposalflow.review.application;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;

/**
 * Key figures of reviewing: how long a review takes from opening to its outcome, and how many
 * decisions reviewers record. Aggregates only; no reviewer or proposal appears in a tag.
 */
@Component
public class ReviewMetrics {

    private final MeterRegistry meters;

    public ReviewMetrics(MeterRegistry meters) {
        this.meters = meters;
        // registered up front, so every outcome and decision shows (at 0) before the first review
        for (ReviewOutcome outcome : ReviewOutcome.values()) {
            turnaround(outcome);
        }
        for (ReviewDecision decision : ReviewDecision.values()) {
            decisions(decision);
        }
    }

    /** Called after a decision was saved; records the turnaround if that decision completed the case. */
    void decisionRecorded(ReviewDecision decision, ReviewCase reviewCase) {
        decisions(decision).increment();
        if (reviewCase.status() == ReviewStatus.COMPLETED) {
            reviewCase.result().ifPresent(result -> turnaround(result.outcome())
                    .record(Duration.between(reviewCase.openedAt(), result.completedAt())));
        }
    }

    /** Called after a coordinator's removal of a reviewer was saved; it completes a case whose others all decided. */
    void completedByRemoval(ReviewCase reviewCase) {
        if (reviewCase.status() == ReviewStatus.COMPLETED) {
            reviewCase.result().ifPresent(result -> turnaround(result.outcome())
                    .record(Duration.between(reviewCase.openedAt(), result.completedAt())));
        }
    }

    private Timer turnaround(ReviewOutcome outcome) {
        return Timer.builder("proposalflow.review.turnaround")
                .description("Time from opening a review case to its outcome")
                .tag("outcome", outcome.name())
                .register(meters);
    }

    private Counter decisions(ReviewDecision decision) {
        return Counter.builder("proposalflow.review.decisions")
                .description("Reviewer decisions recorded, revisions included")
                .tag("decision", decision.name())
                .register(meters);
    }
}
