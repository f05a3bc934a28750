package io.proposalflow.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import io.proposalflow.platform.messaging.TransientFailures.AwaitingEarlierEvent;

class DeadLetterErrorHandlingTest {

    private final DeadLetterErrorHandling handling = new DeadLetterErrorHandling(null, Duration.ofSeconds(30),
            Duration.ofMinutes(10));

    @Test
    void anEventWaitingForOneThatItOvertookIsRetriedSoonAndOften() {
        List<Long> waits = firstWaits(handling.backOffFor(new RuntimeException("listener failed",
                new AwaitingEarlierEvent("proposal p-1 not known yet"))), 8);

        assertThat(waits).startsWith(50L, 100L, 200L, 400L).allMatch(wait -> wait <= 500);
        assertThat(waits).doesNotContain(BackOffExecution.STOP);
    }

    @Test
    void anEventWaitingLongerThanTheLimitIsGivenUpSoThatItsPartitionMovesOn() {
        DeadLetterErrorHandling tenSeconds = new DeadLetterErrorHandling(null, Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        BackOffExecution execution = tenSeconds.backOffFor(new AwaitingEarlierEvent("proposal p-1 not known yet"))
                .start();
        long waited = 0;
        int retries = 0;
        for (long wait = execution.nextBackOff(); wait != BackOffExecution.STOP; wait = execution.nextBackOff()) {
            waited += wait;
            retries++;
            assertThat(retries).as("retries before giving up").isLessThan(100);
        }
        // STOP: the error handler's recoverer dead-letters it with its cause
        assertThat(waited).isBetween(9_000L, 10_500L);
    }

    @Test
    void anOutageIsRetriedWithWaitsThatGrowToTheConfiguredMaximum() {
        List<Long> waits = firstWaits(handling.backOffFor(new DataAccessResourceFailureException("mongo down")), 12);

        assertThat(waits).startsWith(200L, 400L, 800L).contains(30_000L).doesNotContain(BackOffExecution.STOP);
    }

    @Test
    void anyOtherFailureGetsTheBindingsBoundedBackOff() {
        assertThat(handling.backOffFor(new IllegalStateException("a bug"))).isNull();
    }

    private static List<Long> firstWaits(BackOff backOff, int count) {
        BackOffExecution execution = backOff.start();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(execution.nextBackOff());
        }
        return waits;
    }
}
