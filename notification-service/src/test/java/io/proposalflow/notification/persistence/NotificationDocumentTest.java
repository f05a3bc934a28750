package io.proposalflow.notification.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.EventMeaning;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.ProposalSnapshot;
import io.proposalflow.notification.domain.Recipient;

/** The outcome of a notification and its announcement are saved together: the outbox of the document. */
class NotificationDocumentTest {

    private final EventCodec codec = EventCodec.instance();
    private final DeliveryPolicy twoAttempts = new DeliveryPolicy(2, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5));
    private final Instant now = Instant.parse("2025-10-01T08:00:00Z");

    @Test
    void failsAfterTheConfiguredAttemptsAndAnnouncesItWithoutTheAddress() {
        NotificationDocument n = pending();

        n.recordFailure(now, "MailSendException: 451 anna.bergmann@example.org busy", twoAttempts, codec);
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(n.getNextAttemptAt()).isEqualTo(now.plusSeconds(30));
        assertThat(n.getOutbox()).isEmpty();

        n.recordFailure(now.plusSeconds(30), "MailSendException: 451 anna.bergmann@example.org busy", twoAttempts,
                codec);
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.FAILED);
        assertThat(n.getAttempts()).hasSize(2);
        assertThat(n.getOutbox()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(EventType.NOTIFICATION_FAILED.type());
            assertThat(entry.payload()).contains("stiftung-neuerkerode", "\"attempts\":2")
                    .doesNotContain("@", "Anna");
        });
    }

    @Test
    void sentNotificationIsAnnouncedWithIdsAndOrganisationOnly() {
        NotificationDocument n = pending();

        n.markSent(now, codec);

        assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(n.getOutbox()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(EventType.NOTIFICATION_SENT.type());
            assertThat(entry.key()).isEqualTo(EventSamples.NEUERKERODE_PROPOSAL_ID.toString());
            assertThat(entry.payload()).contains("Stiftung Neuerkerode").doesNotContain("@", "Anna");
        });
    }

    private static NotificationDocument pending() {
        Recipient anna = new Recipient(RecipientKind.PARTNER, "c-1", "stiftung-neuerkerode", "Stiftung Neuerkerode",
                "Anna Bergmann", "anna.bergmann@example.org", Language.DE);
        ProposalSnapshot proposal = new ProposalSnapshot(EventSamples.NEUERKERODE_PROPOSAL_ID.toString(),
                EventSamples.NEUERKERODE_TITLE, Themenfeld.WORK_ECONOMY, List.of("stiftung-neuerkerode"), null, List.of());
        MailFacts facts = EventMeaning.of(EventSamples.sample(EventType.PROPOSAL_SUBMITTED)).facts(MailKind.SUBMITTED, proposal);
        return NotificationDocument.pending(UUID.randomUUID().toString(), proposal.proposalId(), "event-1",
                EventType.PROPOSAL_SUBMITTED.type(), anna, facts, Instant.parse("2025-10-01T07:59:00Z"));
    }
}
