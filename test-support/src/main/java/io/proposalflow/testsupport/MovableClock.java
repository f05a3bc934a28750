package io.proposalflow.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves: retention, deadlines and leases are tested by moving time, never by
 * waiting for it. Starts at the real current time, so data written with it sorts among real data.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MovableClock() {
        this(Clock.systemUTC().instant());
    }

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock on by {@code duration} (backwards when negative). */
    public MovableClock advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
        return this;
    }

    public MovableClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the services keep time in UTC");
    }
}
