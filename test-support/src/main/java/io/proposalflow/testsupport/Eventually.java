package io.proposalflow.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way the tests wait for an asynchronous effect (a consumed event, a sent mail, a published
 * event), and the one way they prove that something did <em>not</em> happen.
 *
 * <p>Waiting reads again after 10 ms, then ever less often, up to every {@value #MAX_POLL_MILLIS} ms
 * (an effect that is quick is seen at once, a slow one is not polled to death), for at most
 * {@link #PATIENCE}: generous, because a loaded build machine is slow, and never a fixed sleep,
 * because a fast machine should not wait.
 */
public final class Eventually {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 250;

    private Eventually() {
    }

    /** Waits until {@code done} holds; fails naming {@code what} after {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier done) {
        value(what, done::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Waits until {@code assertion} passes (e.g. a WebTestClient expectation); fails with its last
     * failure after {@link #PATIENCE}.
     */
    public static void untilAsserted(String what, Runnable assertion) {
        value(what, () -> {
            try {
                assertion.run();
                return true;
            } catch (AssertionError notYet) {
                throw new IllegalStateException(notYet.getMessage(), notYet);
            }
        }, Boolean::booleanValue);
    }

    /**
     * Reads until the value satisfies {@code done} and returns it; fails naming {@code what} and the
     * last value read (or the last exception the read threw) after {@link #PATIENCE}.
     */
    public static <T> T value(String what, Supplier<T> read, Predicate<? super T> done) {
        return value(what, PATIENCE, read, done);
    }

    /** {@link #value(String, Supplier, Predicate)} with another patience. */
    public static <T> T value(String what, Duration patience, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = null;
        RuntimeException lastFailure = null;
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            try {
                last = read.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // not there yet (e.g. a 404 before the event was consumed): keep reading
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("Waited " + patience.toSeconds() + " s for " + what
                        + (lastFailure == null ? "; last value: " + last : "; last read failed: " + lastFailure));
                if (lastFailure != null) {
                    failure.initCause(lastFailure);
                }
                throw failure;
            }
            try {
                Thread.sleep(pause);
                pause = Math.min(MAX_POLL_MILLIS, pause * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Proves that an event had no effect. Waiting a while and then finding nothing proves nothing: the
     * consumer may just be slow. But Kafka hands one proposal's events to its consumer in order (they
     * share the key, so the partition), so once a later event of the same proposal, sent after the one
     * under test, has been consumed, the one under test has been handled too. Only then is
     * {@code stillUnchanged} checked.
     *
     * @param laterEventConsumed true once the later ("marker") event of the same proposal was consumed
     * @param stillUnchanged     asserts that nothing changed; runs once, after the marker
     */
    public static void nothingHappened(String what, BooleanSupplier laterEventConsumed, Runnable stillUnchanged) {
        until("a later event of the same proposal to be consumed, to prove that " + what, laterEventConsumed);
        stillUnchanged.run();
    }
}
