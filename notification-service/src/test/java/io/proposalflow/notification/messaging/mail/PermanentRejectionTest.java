package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.testsupport.TestBackends;

/**
 * A mailbox the server refuses for good (SMTP 550) is not an outage: that notification fails at once
 * with the server's reason, the breaker stays closed, and the other mails of the same step go out.
 */
class PermanentRejectionTest extends IntegrationTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void refusedAddressesFailAtOnceWithTheReasonWhileTheOthersAreSentAndTheBreakerStaysClosed() throws Exception {
        // two of the three recipients of every submission are refused: as failures, 6 of 9 calls
        // would open the breaker (50 % of at least 4 calls)
        try (RejectingSmtpProxy proxy = RejectingSmtpProxy.start(TestBackends.get().smtpHost(),
                TestBackends.get().smtpPort(), Set.of(ANNA, ELENA));
                MailServerSwitch ignored = mailServerAt(proxy.port())) {
            List<ProposalSubmitted> submissions = List.of(newSubmission("Elterncafé"), newSubmission("Lernpaten"),
                    newSubmission("Pflegeschule"));
            submissions.forEach(IntegrationTest::publish);

            for (ProposalSubmitted submitted : submissions) {
                awaitNotifications(submitted.proposalId(), "FAILED", 2);
                coordinator().get().uri("/api/notifications?proposalId={id}&status=FAILED", submitted.proposalId())
                        .exchange().expectBody()
                        .jsonPath("$.content[0].attempts.length()").isEqualTo(1)
                        .jsonPath("$.content[0].lastError").value(error -> assertThat((String) error)
                                .contains("SMTP 550").doesNotContain("@"));
                awaitOne(FOCUS_GROUP_WORK, submitted.content().title());
            }
            CircuitBreaker smtp = breakers.circuitBreaker(GuardedMailSender.SMTP);
            assertThat(smtp.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(smtp.getMetrics().getNumberOfFailedCalls()).isZero();
        }
    }
}
