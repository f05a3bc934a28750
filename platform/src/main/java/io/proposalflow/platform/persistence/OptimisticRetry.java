package io.proposalflow.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one optimistic-lock retry of every service: load, change, save with the version; when the save
 * meets a concurrent change, the whole step runs again on fresh state, so the domain checks its rules
 * against what is really stored. Other failures pass through at once.
 */
public final class OptimisticRetry {

    /** Enough for a burst of concurrent changes of one document; more means something is wrong. */
    static final int RETRIES = 10;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(5);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);

    private OptimisticRetry() {
    }

    /**
     * @param step builds the whole load-change-save step; called again for every retry, so it must
     *             load anew and only change what it loaded
     * @return the step's result; the last {@link OptimisticLockingFailureException} once the retries are used up
     */
    public static <T> Mono<T> onConflict(Supplier<Mono<T>> step) {
        return Mono.defer(step)
                .retryWhen(Retry.backoff(RETRIES, FIRST_BACKOFF)
                        .maxBackoff(MAX_BACKOFF)
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
