package io.proposalflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.testsupport.TestBackends;

/**
 * Leases are short (so that after a crash the mails are taken over within seconds), and a server
 * that takes longer than a lease to accept a mail does not make the mail go out twice: the
 * dispatcher renews the leases of the mails it holds while it sends.
 */
@TestPropertySource(properties = { "notification.delivery.lease=2s", "notification.delivery.poll-interval=200ms",
        // the server here is slow on purpose; the client must not give up on it first
        "spring.mail.properties.mail.smtp.timeout=30000" })
class SlowServerLeaseTest extends IntegrationTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    NotificationStore store;

    @Test
    void aMailTheServerTakesLongerThanALeaseToAcceptIsSentOnce() throws Exception {
        String sharedHost = mailSender.getHost();
        int sharedPort = mailSender.getPort();
        try (RejectingSmtpProxy slow = RejectingSmtpProxy.slow(TestBackends.get().smtpHost(),
                TestBackends.get().smtpPort(), Duration.ofSeconds(5))) {
            mailSender.setHost("127.0.0.1");
            mailSender.setPort(slow.port());
            ProposalSubmitted submitted = newSubmission("Nähcafé");
            publish(submitted);

            await().atMost(TIMEOUT).untilAsserted(() -> coordinator().get()
                    .uri("/api/notifications?proposalId={id}&status=SENDING", submitted.proposalId()).exchange()
                    .expectBody().jsonPath("$.totalElements").isEqualTo(3));
            // longer than a lease into the send: a second instance looking now must find nothing to take
            Thread.sleep(3_000);
            assertThat(store.claimDue(Instant.now(), Duration.ofSeconds(2), 10).collectList().block())
                    .as("mails a second dispatcher would take over (and send again)").isEmpty();

            await().atMost(TIMEOUT).untilAsserted(() -> coordinator().get()
                    .uri("/api/notifications?proposalId={id}&status=SENT", submitted.proposalId()).exchange()
                    .expectBody().jsonPath("$.totalElements").isEqualTo(3));
            for (String address : new String[] { ANNA, ELENA, FOCUS_GROUP_WORK }) {
                assertThat(Mailbox.read(host(), imapPort(), address, submitted.content().title()))
                        .as("mails to %s", address).hasSize(1);
            }
            for (int i = 0; i < 3; i++) {
                coordinator().get().uri("/api/notifications?proposalId={id}", submitted.proposalId()).exchange()
                        .expectBody().jsonPath("$.content[" + i + "].attempts.length()").isEqualTo(1);
            }
        } finally {
            mailSender.setHost(sharedHost);
            mailSender.setPort(sharedPort);
        }
    }
}
