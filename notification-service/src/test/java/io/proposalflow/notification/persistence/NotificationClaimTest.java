package io.proposalflow.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.convert.QueryMapper;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.proposalflow.events.EventType;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.domain.Recipient;
import io.proposalflow.platform.web.PageQuery;

/**
 * Several dispatchers (here: four test threads plus the application's own) claim from the same
 * collection; none may get a notification another one holds, or a mail would go out twice.
 */
class NotificationClaimTest extends IntegrationTest {

    @Autowired
    NotificationStore store;

    @Test
    void concurrentDispatchersNeverClaimTheSameNotification() throws Exception {
        ProposalSubmitted submitted = newSubmission("Nähcafé");
        String proposalId = submitted.proposalId().toString();
        for (int i = 0; i < 40; i++) {
            store.createOnce(pending(submitted, "c-" + i)).block();
        }

        Queue<String> claimedHere = new ConcurrentLinkedQueue<>();
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            runs.add(claimers.submit(() -> {
                // in batches, as the dispatcher claims: candidates found together, each claimed alone
                List<NotificationDocument> batch;
                while (!(batch = store.claimDue(Instant.now(), Duration.ofMinutes(10), 3).collectList().block())
                        .isEmpty()) {
                    batch.forEach(claimed -> claimedHere.add(claimed.getId()));
                }
            }));
        }
        try {
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            assertThat(claimedHere).doesNotHaveDuplicates().isNotEmpty();
            List<NotificationDocument> ours = store
                    .find(new NotificationFilter(proposalId, null, null), new PageQuery(0, 100)).collectList().block();
            assertThat(ours).hasSize(40).allSatisfy(n -> {
                if (claimedHere.contains(n.getId())) {
                    // held by a test thread: the application's dispatcher must not have sent it
                    assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENDING);
                    assertThat(n.getAttempts()).isEmpty();
                }
            });
        } finally {
            claimers.shutdownNow();
            for (String id : claimedHere) {
                store.update(id, "test-release-" + id, n -> n.release(Instant.now())).block();
            }
        }
    }

    @Test
    void aClaimComesBackWholeAndLogsNothingAboutTheStoredFieldsItNames() {
        ListAppender<ILoggingEvent> mapperLog = new ListAppender<>();
        Logger queryMapper = (Logger) LoggerFactory.getLogger(QueryMapper.class);
        mapperLog.start();
        queryMapper.addAppender(mapperLog);
        try {
            // due tomorrow, claimed as if it were the day after: the application's own dispatcher leaves it alone
            Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
            ProposalSubmitted submitted = newSubmission("Sprachcafé");
            NotificationDocument created = pending(submitted, "c-whole", tomorrow);
            store.createOnce(created).block();

            Instant dayAfter = tomorrow.plus(Duration.ofDays(1));
            List<NotificationDocument> claimed = store.claimDue(dayAfter, Duration.ofMinutes(10), 50)
                    .filter(n -> n.getId().equals(created.getId())).collectList().block();

            assertThat(claimed).singleElement().satisfies(n -> {
                assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENDING);
                assertThat(n.getLeaseUntil()).isEqualTo(dayAfter.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS));
                assertThat(n.getVersion()).isGreaterThan(created.getVersion() == null ? 0 : created.getVersion());
                assertThat(n.getProposalId()).isEqualTo(submitted.proposalId().toString());
                assertThat(n.getRecipientName()).isEqualTo("Anna Bergmann");
                assertThat(n.getFacts()).isEqualTo(created.getFacts());
            });
            assertThat(mapperLog.list).as("Spring Data's complaints while the claim was mapped")
                    .noneMatch(event -> event.getFormattedMessage().startsWith("Could not map"));
        } finally {
            queryMapper.detachAppender(mapperLog);
        }
    }

    private static NotificationDocument pending(ProposalSubmitted submitted, String contactId) {
        return pending(submitted, contactId, Instant.now());
    }

    private static NotificationDocument pending(ProposalSubmitted submitted, String contactId, Instant at) {
        ProposalSnapshot proposal = new ProposalSnapshot(submitted.proposalId().toString(),
                submitted.content().title(), submitted.content().themenfeld(), List.of(), null, List.of());
        Recipient recipient = new Recipient(RecipientKind.PARTNER, contactId, "stiftung-neuerkerode",
                "Stiftung Neuerkerode", "Anna Bergmann", ANNA, Language.DE);
        return NotificationDocument.pending(UUID.randomUUID().toString(), proposal.proposalId(),
                UUID.randomUUID().toString(), EventType.PROPOSAL_SUBMITTED.type(), recipient,
                EventMeaning.of(submitted).facts(MailKind.SUBMITTED, proposal), at);
    }
}
