package io.proposalflow.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.IntegrationTest;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.Notification;
import io.proposalflow.notification.domain.NotificationState;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.domain.Recipient;

/**
 * A notification's state is one record, stored unwrapped: every component is a top-level field of the
 * stored document under its own name (the layout notifications always had), and comes back unchanged.
 * A new component of {@link NotificationState} is covered without an edit here.
 */
class StoredNotificationTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aNotificationWithEveryFieldSetIsStoredFieldByFieldAndLoadsUnchanged() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Recipient anna = new Recipient(RecipientKind.PARTNER, "c-1", "stiftung-neuerkerode", "Stiftung Neuerkerode",
                "Anna Bergmann", "anna.bergmann@example.org", Language.DE);
        ProposalSnapshot proposal = new ProposalSnapshot(UUID.randomUUID().toString(), EventSamples.NEUERKERODE_TITLE,
                Themenfeld.WORK_ECONOMY, List.of("stiftung-neuerkerode"), null, List.of());
        Notification notification = Notification.pending(UUID.randomUUID().toString(), proposal.proposalId(),
                "event-1", EventType.PROPOSAL_SUBMITTED.type(), anna,
                EventMeaning.of(EventSamples.sample(EventType.PROPOSAL_SUBMITTED)).facts(MailKind.SUBMITTED, proposal),
                now);
        notification.recordFailure(now, "451 busy", new DeliveryPolicy(3, java.time.Duration.ofSeconds(30), 2, java.time.Duration.ofMinutes(5)));
        notification.markSent(now.plusSeconds(30));
        NotificationDocument document = NotificationDocument.of(notification, EventCodec.instance());
        document.setLeaseUntil(now.plusSeconds(60));
        document.setTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        NotificationState state = document.state();
        for (RecordComponent component : NotificationState.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(state)).as("%s set in this test", component.getName())
                    .isNotNull();
        }

        store.save(document).block();

        Document stored = mongo.findById(document.getId(), Document.class, "notifications").block();
        for (RecordComponent component : NotificationState.class.getRecordComponents()) {
            assertThat(stored).as("stored field %s", component.getName()).containsKey(component.getName());
        }
        assertThat(stored).doesNotContainKey("state");
        assertThat(store.findById(document.getId()).block().state()).isEqualTo(state);
    }
}
