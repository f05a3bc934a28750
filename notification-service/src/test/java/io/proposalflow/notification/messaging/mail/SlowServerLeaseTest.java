package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationFilter;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.Eventually;

/**
 * (The shared test context runs with a lease of 2 s, see IntegrationTest.) Leases are short (so that after a crash the mails are taken over within seconds), and a server
 * that takes longer than a lease to accept a mail does not make the mail go out twice: the
 * dispatcher renews the leases of the mails it holds while it sends.
 */
class SlowServerLeaseTest extends IntegrationTest {

    @Test
    void aMailTheServerTakesLongerThanALeaseToAcceptIsSentOnce() throws Exception {
        try (RejectingSmtpProxy slow = RejectingSmtpProxy.slow(TestBackends.get().smtpHost(),
                TestBackends.get().smtpPort(), Duration.ofSeconds(5));
                MailServerSwitch ignored = mailServerAt(slow.port())) {
            ProposalSubmitted submitted = newSubmission("Nähcafé");
            publish(submitted);

            List<NotificationDocument> sending = Eventually.value("the mails to be claimed", () -> store.find(
                    new NotificationFilter(submitted.proposalId().toString(), null, NotificationStatus.SENDING),
                    new PageQuery(0, 10)).collectList().block(), list -> !list.isEmpty());
            // past the leases read above (the server holds each mail 5 s): had they not been renewed, a
            // second dispatcher could take the mails over now and send them again
            Instant leasesReadOver = sending.stream().map(NotificationDocument::getLeaseUntil)
                    .max(Comparator.naturalOrder()).orElseThrow();
            Eventually.until("the leases read at the claim to run out", () -> Instant.now().isAfter(leasesReadOver));
            for (NotificationDocument claimed : sending) {
                NotificationDocument now = store.findById(claimed.getId()).block();
                assertThat(now.getStatus()).as("still being sent").isEqualTo(NotificationStatus.SENDING);
                assertThat(now.getLeaseUntil()).as("lease renewed while sending").isAfter(Instant.now());
                assertThat(now.getVersion()).as("still the same claim").isEqualTo(claimed.getVersion());
            }

            awaitNotifications(submitted.proposalId(), "SENT", 3);
            for (String address : new String[] { ANNA, ELENA, FOCUS_GROUP_WORK }) {
                assertThat(Mailbox.read(host(), imapPort(), address, submitted.content().title()))
                        .as("mails to %s", address).hasSize(1);
            }
            for (int i = 0; i < 3; i++) {
                coordinator().get().uri("/api/notifications?proposalId={id}", submitted.proposalId()).exchange()
                        .expectBody().jsonPath("$.content[" + i + "].attempts.length()").isEqualTo(1);
            }
        }
    }
}
