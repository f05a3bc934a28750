package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.proposalflow.devstack.EmbeddedMail;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.testsupport.Eventually;

/**
 * The mail server is down while events arrive: the service stays up, health shows the breaker open,
 * nothing is given up, and when the server is back every mail arrives exactly once.
 *
 * <p>The shared test mail server cannot be stopped, so this test points the application's mail sender
 * at a mail server of its own on fixed ports, which it starts only after the events were consumed.
 */
class MailOutageTest extends IntegrationTest {

    @Test
    void mailsWaitOutAnSmtpOutageAndAreDeliveredExactlyOnceWhenTheServerReturns() throws IOException {
        int smtpPort = freePort();
        int imapPort = freePort();
        try (MailServerSwitch ignored = mailServerAt(smtpPort)) {
            ProposalSubmitted first = newSubmission("Mobile Beratung");
            ProposalSubmitted second = newSubmission("Begegnungscafé");
            publish(first);
            publish(second);

            Eventually.untilAsserted("the breaker to open while the service stays UP", () -> coordinator().get()
                    .uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components.circuitBreakers.details.smtp.details.state").isEqualTo("OPEN"));
            for (ProposalSubmitted proposal : List.of(first, second)) {
                coordinator().get().uri("/api/notifications?proposalId={id}", proposal.proposalId()).exchange()
                        .expectBody()
                        .jsonPath("$.totalElements").isEqualTo(3)
                        .jsonPath("$.content[?(@.status == 'SENT' || @.status == 'FAILED')]").isEmpty();
            }

            try (EmbeddedMail mail = EmbeddedMail.start(smtpPort, imapPort)) {
                for (ProposalSubmitted proposal : List.of(first, second)) {
                    awaitNotifications(proposal.proposalId(), "SENT", 3);
                }
                for (String address : List.of(ANNA, ELENA, FOCUS_GROUP_WORK)) {
                    for (ProposalSubmitted proposal : List.of(first, second)) {
                        assertThat(Mailbox.read(mail.host(), imapPort, address, proposal.content().title()))
                                .as("mails to %s about %s", address, proposal.content().title())
                                .hasSize(1);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
