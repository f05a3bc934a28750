package io.proposalflow.platform.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.proposalflow.testsupport.Eventually;

class WorkLoopTest {

    private WorkLoop loop;

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void aNudgeStartsAPassLongBeforeThePollInterval() throws InterruptedException {
        CountDownLatch passes = new CountDownLatch(2);
        loop = new WorkLoop("test-loop", Duration.ofMinutes(10), () -> {
            passes.countDown();
            return false;
        });
        loop.start();
        Eventually.until("the first pass", () -> passes.getCount() == 1);

        loop.nudge();

        assertThat(passes.await(5, TimeUnit.SECONDS)).as("a second pass, without waiting 10 minutes").isTrue();
    }

    @Test
    void itKeepsGoingWhileThereIsWorkWithoutWaitingForTheNextPoll() {
        AtomicInteger backlog = new AtomicInteger(50);
        loop = new WorkLoop("test-loop", Duration.ofMinutes(10), () -> backlog.getAndUpdate(n -> Math.max(0, n - 1)) > 0);

        loop.start();

        Eventually.until("the backlog to be worked off without a nudge", () -> backlog.get() == 0);
    }

    @Test
    void aFailingPassIsRetriedAndItsErrorClearedOnceAPassSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        loop = new WorkLoop("test-loop", Duration.ofMillis(20), () -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("broker away");
            }
            return false;
        });

        loop.start();

        Eventually.until("the error to be seen", () -> "java.lang.IllegalStateException: broker away".equals(loop.lastError())
                || calls.get() > 2);
        Eventually.until("a good pass after the failures", () -> calls.get() > 3 && loop.lastError() == null);
    }
}
