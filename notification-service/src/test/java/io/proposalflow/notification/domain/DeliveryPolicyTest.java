package io.proposalflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(3, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(2));
    private final Instant now = Instant.parse("2025-10-01T08:00:00Z");

    @Test
    void triesAgainUntilTheConfiguredNumberOfAttemptsHasFailed() {
        assertThat(policy.triesAgainAfter(1)).isTrue();
        assertThat(policy.triesAgainAfter(2)).isTrue();
        assertThat(policy.triesAgainAfter(3)).isFalse();
    }

    @Test
    void waitsLongerAfterEachFailureUpToTheMaximum() {
        assertThat(policy.nextAttemptAt(now, 1)).isEqualTo(now.plusSeconds(30));
        assertThat(policy.nextAttemptAt(now, 2)).isEqualTo(now.plusSeconds(60));
        assertThat(policy.nextAttemptAt(now, 3)).isEqualTo(now.plusSeconds(120));
        assertThat(policy.nextAttemptAt(now, 6)).isEqualTo(now.plusSeconds(120));
    }
}
