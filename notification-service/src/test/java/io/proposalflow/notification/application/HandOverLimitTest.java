package io.proposalflow.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.config.NotificationProperties;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.Recipient;
import io.proposalflow.notification.persistence.ErasureRepository;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.NotificationStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * New mail is created claimed by this instance's dispatcher and handed to it in memory only while a few
 * batches at most wait there (4 x 2 per sender): each mail held has its lease renewed by a write, so while
 * the mail server is slow a backlog is created due in MongoDB instead. The dispatcher then asks MongoDB
 * first every other pass, so mail created due does not wait until the hand-over has run out.
 */
class HandOverLimitTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String PROPOSAL_ID = UUID.randomUUID().toString();
    /** One sender: two mails per batch, eight may wait. */
    private static final NotificationProperties.Delivery ONE_SENDER = new NotificationProperties.Delivery(
            Duration.ofMinutes(10), Duration.ofSeconds(30), 3, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1),
            Duration.ofSeconds(5), 1);

    private final NotificationStore store = mock(NotificationStore.class);
    private final MailGateway mail = mock(MailGateway.class);
    private final MailReports reports = mock(MailReports.class);
    private final ErasureRepository erasures = mock(ErasureRepository.class);
    private final CountDownLatch serverSlow = new CountDownLatch(1);
    private final NotificationDispatcher dispatcher = new NotificationDispatcher(store, mail, reports, null,
            new NotificationProperties("programm@example.org", "koordination@example.org", "http://localhost:8080",
                    false, ONE_SENDER), new SimpleMeterRegistry(), erasures, CLOCK);

    @AfterEach
    void stop() {
        serverSlow.countDown();
        dispatcher.shutdown();
    }

    /** Mail the planner created due (in MongoDB), which the next query for due mail claims. */
    private final List<NotificationDocument> createdDue = new CopyOnWriteArrayList<>();
    /** The ids of the mails in the order they reached the (slow) server. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void slowServerAndAStoreThatKeepsEveryClaim() {
        when(mail.acceptsMail()).thenReturn(true);
        doAnswer(call -> {
            sent.add(call.<MailGateway.OutgoingMail>getArgument(0).notificationId());
            return serverSlow.await(30, TimeUnit.SECONDS);
        }).when(mail).send(any());
        when(reports.publish(any())).thenReturn(true);
        when(store.findById(anyString())).thenAnswer(call -> Mono.just(held(call.getArgument(0))));
        when(store.update(anyString(), anyString(), any())).thenReturn(Mono.empty());
        when(store.renewLease(anyString(), anyLong(), any())).thenReturn(Mono.just(true));
        when(store.claimDue(any(), any(), anyInt())).thenAnswer(call -> {
            List<NotificationDocument> due = List.copyOf(createdDue);
            createdDue.clear();
            return Flux.fromIterable(due);
        });
        dispatcher.start();
    }

    @Test
    void whileTheServerIsSlowOnlyAFewBatchesAreHandedOverAndTheRestIsCreatedDue() throws Exception {
        assertThat(dispatcher.takesNewMail()).isTrue();

        // the first batch (two mails) is taken and waits for the slow server
        dispatcher.handOver(mails(2));
        verify(mail, timeout(5_000)).send(any());
        dispatcher.handOver(mails(7));
        assertThat(dispatcher.takesNewMail()).as("seven waiting, eight may").isTrue();
        dispatcher.handOver(mails(1));
        assertThat(dispatcher.takesNewMail()).as("eight waiting: the next mail is created due").isFalse();

        serverSlow.countDown();
        verify(mail, timeout(10_000).times(10)).send(any());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!dispatcher.takesNewMail() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(dispatcher.takesNewMail()).as("caught up: new mail is handed over again").isTrue();
        verify(mail, times(10)).send(any());
    }

    @Test
    void mailCreatedDueBecauseTheHandOverWasFullIsSentBeforeTheHandOverHasRunOut() throws Exception {
        dispatcher.handOver(mails(2));
        verify(mail, timeout(5_000)).send(any());
        List<NotificationDocument> handed = mails(8);
        dispatcher.handOver(handed);
        assertThat(dispatcher.takesNewMail()).isFalse();
        List<NotificationDocument> due = mails(2);
        createdDue.addAll(due);

        serverSlow.countDown();
        verify(mail, timeout(10_000).times(12)).send(any());
        int lastHandedOver = handed.stream().mapToInt(m -> sent.indexOf(m.getId())).max().orElseThrow();
        assertThat(due).allSatisfy(m -> assertThat(sent.indexOf(m.getId()))
                .as("a due mail does not wait for all eight handed-over ones").isLessThan(lastHandedOver));
    }

    private static List<NotificationDocument> mails(int count) {
        return IntStream.range(0, count).mapToObj(i -> held(UUID.randomUUID().toString())).toList();
    }

    /** A mail to the focus group Arbeit und Wirtschaft, created claimed by this dispatcher. */
    private static NotificationDocument held(String id) {
        Recipient focusGroup = new Recipient(RecipientKind.FOCUS_GROUP, "fg-arbeitswelt", null, null,
                "Fokusgruppe Arbeitswelt", "fokusgruppe.arbeitswelt@example.org", Language.DE);
        NotificationDocument mail = NotificationDocument.pending(id, PROPOSAL_ID, UUID.randomUUID().toString(),
                "io.proposalflow.proposal.submitted.v1", focusGroup, null, Instant.now(CLOCK));
        mail.claimUntil(Instant.now(CLOCK).plusSeconds(30));
        mail.setVersion(1L);
        return mail;
    }
}
