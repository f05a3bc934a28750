package io.proposalflow.review.application;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.persistence.ReviewCaseStore;
import reactor.core.publisher.Mono;

/**
 * Sends reminder and overdue events when they are due. Exactly once per reviewer and case, with
 * any number of instances and across restarts, because "sent" is a flag in the case document
 * written in the same save as the event, and the save is conditional on the version that was
 * read: if two instances fire the same case, one save fails on the version and that instance
 * drops its copy. Nothing is kept in memory, so a restarted instance starts from the flags.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 100;

    private final ReviewCaseStore cases;
    private final Clock clock;

    public DeadlineWatch(ReviewCaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Called every {@code review.deadline-check-interval} (see ReviewConfiguration). */
    public void onSchedule() {
        try {
            fireDue(clock.instant()).block();
        } catch (RuntimeException e) {
            // e.g. MongoDB down: nothing was marked, so the next pass tries again
            log.warn("Deadline check failed, retrying at the next pass: {}", e.toString());
        }
    }

    /** @return how many cases had reminders or overdue events queued by this call */
    public Mono<Long> fireDue(Instant now) {
        return cases.withDeadlineDue(now, BATCH)
                .concatMap(document -> {
                    ReviewCase reviewCase = document.toDomain();
                    if (!reviewCase.fireDeadlines(now)) {
                        return Mono.empty();
                    }
                    return cases.saveIfUnchanged(document, reviewCase)
                            .thenReturn(1L)
                            // another instance (or a decision) changed the case since we read it:
                            // if it fired the events they are flagged now; otherwise the next pass will
                            .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.empty());
                })
                .reduce(0L, Long::sum);
    }
}
