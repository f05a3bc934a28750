package io.proposalflow.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How often a mail is tried and how long to wait in between. These are the slow, persisted retries
 * (minutes, surviving restarts); the fast retries within one attempt are Resilience4j's.
 *
 * @param maxAttempts after this many failed attempts a notification is FAILED
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** For a mail the server refused for good: the first failure is the last. */
    public static final DeliveryPolicy NO_RETRY = new DeliveryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Whether a notification that has failed {@code failedAttempts} times gets another try. */
    public boolean triesAgainAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** When the next attempt is due after {@code failedAttempts} failures (1 = the first one failed). */
    public Instant nextAttemptAt(Instant now, int failedAttempts) {
        double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long millis = (long) Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        return now.plusMillis(millis);
    }
}
