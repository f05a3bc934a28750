package io.proposalflow.platform.polling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one polling loop of every service (the outbox relay, the mail dispatcher): a daemon thread runs
 * a pass again and again while it finds work, then waits for a {@link #nudge()} or the poll interval,
 * whichever comes first. A writer nudges right after it left work behind, so work starts within
 * milliseconds; the poll interval only catches what nobody nudged (another instance's work, a lease
 * that ran out). A failing pass is logged once per distinct error and retried with a backoff that
 * doubles up to {@value #MAX_BACKOFF_SECONDS} s, so a dependency that is down is not hammered.
 */
public class WorkLoop {

    private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);
    private static final long MAX_BACKOFF_SECONDS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(MAX_BACKOFF_SECONDS);

    private final String name;
    private final Duration pollInterval;
    private final BooleanSupplier pass;
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;
    private volatile String lastError;

    /**
     * @param name         the thread's name, also used in log lines
     * @param pollInterval how long to wait for a nudge before looking anyway
     * @param pass         one round of work; true when it did some (the loop goes on at once),
     *                     false when there was none (the loop waits)
     */
    public WorkLoop(String name, Duration pollInterval, BooleanSupplier pass) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.pass = pass;
    }

    /** Asks for a pass now instead of at the next poll; cheap and safe from any thread. */
    public void nudge() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** The last pass's failure, or {@code null} once a pass succeeded again. */
    public String lastError() {
        return lastError;
    }

    public boolean isRunning() {
        return running;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Stops after the pass under way, waiting up to 5 s for it. */
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                boolean worked = pass.getAsBoolean();
                if (lastError != null) {
                    log.info("{} works again", name);
                    lastError = null;
                }
                backoff = pollInterval;
                if (!worked) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!e.toString().equals(lastError)) {
                    log.warn("{} failed, will retry: {}", name, e.toString());
                }
                lastError = e.toString();
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
