package io.proposalflow.notification.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;

import io.micrometer.core.instrument.MeterRegistry;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.application.NotificationDispatcher;
import io.proposalflow.notification.Mailbox;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationFilter;
import io.proposalflow.platform.web.PageQuery;
import reactor.core.publisher.Mono;

/**
 * The server accepted a mail, then the write that records it failed (MongoDB went away for a moment):
 * only the record is tried again, never the mail. The recipient has one mail and the delivery log one
 * successful attempt, no failure.
 */
class DeliveryBookkeepingTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void aFailingRecordAfterASuccessfulSendIsRetriedAsARecordAndTheMailIsNotSentAgain() {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        Map<String, Integer> writes = new ConcurrentHashMap<>();
        // the first write after each claim is the record of the send: its first try fails. Stubbing a
        // spy that another thread calls meanwhile can stub the wrong method, so the dispatcher pauses.
        dispatcher.stop();
        doAnswer(call -> {
            String id = call.getArgument(0);
            Mono<?> real = (Mono<?>) call.callRealMethod();
            return Mono.defer(() -> {
                writes.merge(id, 1, Integer::sum);
                return failedOnce.add(id)
                        ? Mono.error(new DataAccessResourceFailureException("MongoDB is not reachable"))
                        : real;
            });
        }).when(store).update(anyString(), anyString(), any());
        dispatcher.start();
        double failuresBefore = failedMails();

        ProposalSubmitted submitted = newSubmission("Familienzentrum");
        publish(submitted);

        awaitNotifications(submitted.proposalId(), "SENT", 3);
        for (NotificationDocument n : store.find(
                new NotificationFilter(submitted.proposalId().toString(), null, null), new PageQuery(0, 10))
                .collectList().block()) {
            assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
            assertThat(n.getFailedAttempts()).as("failures counted").isZero();
            assertThat(n.getAttempts()).hasSize(1).allMatch(io.proposalflow.notification.domain.Attempt::delivered);
            assertThat(writes.get(n.getId())).as("the record was written a second time").isGreaterThanOrEqualTo(2);
        }
        assertThat(Mailbox.read(host(), imapPort(), ANNA, submitted.content().title())).hasSize(1);
        assertThat(Mailbox.read(host(), imapPort(), FOCUS_GROUP_WORK, submitted.content().title())).hasSize(1);
        assertThat(failedMails()).isEqualTo(failuresBefore);
    }

    private double failedMails() {
        return meters.find("proposalflow.mails.failed").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
