package io.proposalflow.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

import reactor.core.publisher.Mono;

class OptimisticRetryTest {

    @Test
    void aStepThatMeetsConcurrentChangesRunsAgainOnFreshStateUntilItSaves() {
        AtomicInteger loads = new AtomicInteger();

        String saved = OptimisticRetry.onConflict(() -> loads.incrementAndGet() < 3
                ? Mono.<String>error(new OptimisticLockingFailureException("changed by someone else"))
                : Mono.just("saved")).block();

        assertThat(saved).isEqualTo("saved");
        assertThat(loads).as("the whole step, load included, ran once per try").hasValue(3);
    }

    @Test
    void anotherFailureIsNotRetried() {
        AtomicInteger loads = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.onConflict(() -> {
            loads.incrementAndGet();
            return Mono.error(new IllegalStateException("refused by the domain"));
        }).block()).isInstanceOf(IllegalStateException.class);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aDocumentThatKeepsChangingGivesUpWithTheConflict() {
        AtomicInteger loads = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.onConflict(() -> {
            loads.incrementAndGet();
            return Mono.error(new OptimisticLockingFailureException("changed by someone else"));
        }).block()).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(loads).hasValue(OptimisticRetry.RETRIES + 1);
    }
}
