package io.proposalflow.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.proposalflow.platform.persistence.RetentionRun;
import io.proposalflow.review.domain.ReviewStatus;
import reactor.core.publisher.Mono;

/**
 * Deletes closed review cases (completed or cancelled) opened longer ago than
 * {@code review.retention.closed-cases}: with them go this service's copy of the proposal's texts,
 * the reviewers' comments and scores (issue 15, ADR 18, docs/datenschutz.md). Open cases stay.
 */
@Component
public class ReviewRetention {

    private final ReactiveMongoOperations mongo;
    private final Duration closedCases;
    private final Clock clock;

    public ReviewRetention(ReactiveMongoOperations mongo,
            @Value("${review.retention.closed-cases:3650d}") Duration closedCases, Clock clock) {
        this.mongo = mongo;
        this.closedCases = closedCases;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${review.retention.check-interval:1h}",
            fixedDelayString = "${review.retention.check-interval:1h}")
    void scheduled() {
        RetentionRun.runLogged("review cases closed and opened longer than " + closedCases + " ago", this::run);
    }

    /** Deletes what is due at the clock's time; the number of review cases deleted. */
    public Mono<Long> run() {
        Instant cutoff = clock.instant().minus(closedCases);
        return mongo.remove(Query.query(where("status").in(ReviewStatus.COMPLETED, ReviewStatus.CANCELLED)
                .and("openedAt").lt(cutoff)), ReviewCaseDocument.COLLECTION)
                .map(r -> r.getDeletedCount());
    }
}
