package io.proposalflow.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.proposalflow.events.CloudEventHeaders;
import io.proposalflow.events.EventType;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.Topics;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.application.NotificationDispatcher;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationFilter;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.testsupport.TestBackends;
import io.proposalflow.testsupport.TopicProbe;

/**
 * The report of a sent mail (NotificationSent), which proposal-service turns into the proposal's history:
 * it goes to the topic straight after the send, and the mail's record is written without an outbox entry;
 * when the broker cannot take it at once, it travels with the record through the outbox. Either way the
 * history gets exactly one report per mail.
 */
class MailReportTest extends IntegrationTest {

    @Autowired
    NotificationDispatcher dispatcher;

    @AfterEach
    void realReports() {
        dispatcher.stop();
        reset(reports);
        dispatcher.start();
    }

    @Test
    void eachMailOfASubmissionIsReportedOnceStraightAwayAndItsRecordLeavesNothingToRelay() {
        ProposalSubmitted submitted = newSubmission("Nachbarschaftstreff");
        publish(submitted);

        awaitNotifications(submitted.proposalId(), "SENT", 3);
        assertThat(records(submitted)).hasSize(3).allSatisfy(n -> assertThat(n.getOutbox()).isEmpty());
        assertThat(reports(submitted, 3)).as("one report per mail").hasSize(3);
        verify(reports, times(3)).publish(argThat(report -> report.proposalId().equals(submitted.proposalId())));
    }

    @Test
    void whileTheBrokerCannotTakeAReportAtOnceItTravelsWithTheRecordThroughTheOutbox() {
        // stubbing a spy that another thread calls meanwhile can stub the wrong method: pause the dispatcher
        dispatcher.stop();
        doReturn(false).when(reports).publish(any());
        dispatcher.start();
        ProposalSubmitted submitted = newSubmission("Begegnungscafé");
        publish(submitted);

        awaitNotifications(submitted.proposalId(), "SENT", 3);
        assertThat(reports(submitted, 3)).as("one report per mail, through the outbox").hasSize(3);
    }

    private List<NotificationDocument> records(ProposalSubmitted submitted) {
        return store.find(new NotificationFilter(submitted.proposalId().toString(), null, null), new PageQuery(0, 10))
                .collectList().block();
    }

    /** The NotificationSent events of the proposal, once at least {@code expected} arrived (and a moment more). */
    private static List<ConsumerRecord<String, byte[]>> reports(ProposalSubmitted submitted, int expected) {
        String key = submitted.proposalId().toString();
        try (TopicProbe probe = new TopicProbe(TestBackends.get().kafkaBootstrapServers(), Topics.NOTIFICATION_EVENTS)) {
            probe.readUntil(records -> probe.withKey(key).size() >= expected, TIMEOUT);
            probe.readFor(java.time.Duration.ofSeconds(1));
            return probe.withKey(key).stream()
                    .filter(r -> EventType.NOTIFICATION_SENT.type().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)))
                    .toList();
        }
    }
}
