package io.proposalflow.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * One scheduled retention run of a service: deletes what its retention period made due, logs how much
 * (never what: the log must not keep what retention removed), and never lets a failure end the
 * schedule: MongoDB away means the next run deletes it.
 */
public final class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private RetentionRun() {
    }

    /**
     * @param what what is deleted, for the log line ("review cases closed longer than 3650 days")
     * @param run  the deletion; emits how many were deleted
     * @return how many were deleted, 0 when the run failed
     */
    public static long runLogged(String what, Supplier<Mono<Long>> run) {
        try {
            Long deleted = Mono.defer(run).block(PATIENCE);
            if (deleted != null && deleted > 0) {
                log.info("Retention: deleted {} {}", deleted, what);
            }
            return deleted == null ? 0 : deleted;
        } catch (RuntimeException e) {
            log.warn("Retention run for {} failed (tried again at the next one): {}", what, e.toString());
            return 0;
        }
    }
}
