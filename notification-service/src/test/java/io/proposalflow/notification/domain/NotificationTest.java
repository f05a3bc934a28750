package io.proposalflow.notification.domain;

import static io.proposalflow.notification.domain.NotificationFixture.ANNAS_ADDRESS;
import static io.proposalflow.notification.domain.NotificationFixture.NOW;
import static io.proposalflow.notification.domain.NotificationFixture.TWO_ATTEMPTS;
import static io.proposalflow.notification.domain.NotificationFixture.aFailedMail;
import static io.proposalflow.notification.domain.NotificationFixture.aPendingMail;
import static io.proposalflow.notification.domain.NotificationFixture.aSentMail;
import static io.proposalflow.notification.domain.NotificationFixture.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;

/** The life of one mail: tried, retried, given up and announced, sent once, resent on request. */
class NotificationTest {

    @Test
    void aRefusedAttemptIsTriedAgainAfterTheBackoffWithoutAnnouncingAnything() {
        var fixture = given(aPendingMail()).when(n -> n.recordFailure(NOW, "451 " + ANNAS_ADDRESS + " busy", TWO_ATTEMPTS));

        NotificationState state = fixture.thenState();
        assertThat(state.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(state.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(state.lastError()).isEqualTo("451 <address> busy");
        assertThat(fixture.thenAnnounced()).isEmpty();
    }

    @Test
    void theLastAllowedFailureGivesUpAndAnnouncesItWithoutTheAddress() {
        Notification once = aPendingMail();
        once.recordFailure(NOW, "451 busy", TWO_ATTEMPTS);

        var fixture = given(Notification.restore(once.id(), once.state()))
                .when(n -> n.recordFailure(NOW.plusSeconds(30), "550 " + ANNAS_ADDRESS + " unknown", TWO_ATTEMPTS));

        assertThat(fixture.thenState().status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(fixture.thenState().attempts()).hasSize(2);
        assertThat(fixture.thenAnnounced()).singleElement().isInstanceOfSatisfying(NotificationFailed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(2);
            assertThat(failed.toString()).doesNotContain(ANNAS_ADDRESS, "Anna");
        });
    }

    @Test
    void aSentMailIsAnnouncedOnceAndALateSecondRecordChangesNothing() {
        var sent = given(aPendingMail()).when(n -> n.markSent(NOW));
        assertThat(sent.thenState().status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.thenState().sentAt()).isEqualTo(NOW);
        assertThat(sent.thenAnnounced()).singleElement().isInstanceOf(NotificationSent.class);

        Notification stored = aSentMail();
        NotificationState before = stored.state();
        var late = given(stored).when(n -> {
            n.markSent(NOW.plusSeconds(5));
            n.recordFailure(NOW.plusSeconds(5), "timeout", TWO_ATTEMPTS);
        });
        assertThat(late.thenState()).isEqualTo(before);
        assertThat(late.thenAnnounced()).isEmpty();
    }

    @Test
    void aResendGivesAFailedMailAFreshRoundOfAttempts() {
        var fixture = given(aFailedMail()).when(n -> n.resend(NOW.plusSeconds(600)));

        assertThat(fixture.thenState().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(fixture.thenState().failedAttempts()).isZero();
        assertThat(fixture.thenState().attempts()).as("the earlier attempts stay in the log").hasSize(2);
        assertThat(fixture.thenState().nextAttemptAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void onlyAFailedMailCanBeResent() {
        NotResendable refused = given(aSentMail()).when(n -> n.resend(NOW)).thenRefused(NotResendable.class);

        assertThat(refused.currentStatus()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aMailHandedBackWhileTheServerIsAwayCountsNoAttempt() {
        var fixture = given(aPendingMail()).when(n -> n.release(NOW.plusSeconds(30)));

        assertThat(fixture.thenState().status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(fixture.thenState().attempts()).isEmpty();
        assertThat(fixture.thenState().failedAttempts()).isZero();
        assertThat(fixture.thenState().nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
    }
}
