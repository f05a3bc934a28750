package io.proposalflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.EventType;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.events.Themenfeld;

/**
 * Given/when/then for a {@link Notification}: {@code given(aPendingMail()).when(n -> n.markSent(NOW))
 * .thenState()...}. A refused action must also leave the notification as it was.
 */
final class NotificationFixture {

    static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");
    static final DeliveryPolicy TWO_ATTEMPTS = new DeliveryPolicy(2, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5));
    static final String ANNAS_ADDRESS = "anna.bergmann@example.org";

    private final Notification notification;
    private NotificationState before;
    private RuntimeException refusal;

    private NotificationFixture(Notification notification) {
        this.notification = notification;
    }

    /** A mail about a submission to Anna Bergmann of Stiftung Neuerkerode, due now. */
    static Notification aPendingMail() {
        Recipient anna = new Recipient(RecipientKind.PARTNER, "c-1", "stiftung-neuerkerode", "Stiftung Neuerkerode",
                "Anna Bergmann", ANNAS_ADDRESS, Language.DE);
        ProposalSnapshot proposal = new ProposalSnapshot(EventSamples.NEUERKERODE_PROPOSAL_ID.toString(),
                EventSamples.NEUERKERODE_TITLE, Themenfeld.WORK_ECONOMY, List.of("stiftung-neuerkerode"), null,
                List.of());
        MailFacts facts = EventMeaning.of(EventSamples.sample(EventType.PROPOSAL_SUBMITTED))
                .facts(MailKind.SUBMITTED, proposal);
        return Notification.pending(UUID.randomUUID().toString(), proposal.proposalId(), "event-1",
                EventType.PROPOSAL_SUBMITTED.type(), anna, facts, NOW.minusSeconds(60));
    }

    /** A mail the server refused as often as {@link #TWO_ATTEMPTS} allows. */
    static Notification aFailedMail() {
        Notification failed = aPendingMail();
        failed.recordFailure(NOW, "451 busy", TWO_ATTEMPTS);
        failed.recordFailure(NOW.plusSeconds(30), "451 busy", TWO_ATTEMPTS);
        return Notification.restore(failed.id(), failed.state());
    }

    /** A mail the server accepted. */
    static Notification aSentMail() {
        Notification sent = aPendingMail();
        sent.markSent(NOW);
        return Notification.restore(sent.id(), sent.state());
    }

    static NotificationFixture given(Notification notification) {
        return new NotificationFixture(notification);
    }

    NotificationFixture when(Consumer<Notification> action) {
        before = notification.state();
        try {
            action.accept(notification);
        } catch (RuntimeException e) {
            refusal = e;
        }
        return this;
    }

    /** The state after the action, which must not have been refused. */
    NotificationState thenState() {
        assertThat(refusal).as("refused").isNull();
        return notification.state();
    }

    /** What the action announces (NotificationSent/Failed). */
    List<NotificationEvent> thenAnnounced() {
        assertThat(refusal).as("refused").isNull();
        return notification.pendingEvents();
    }

    /** The refusal; the notification is as it was, and nothing is announced. */
    <E extends RuntimeException> E thenRefused(Class<E> type) {
        assertThat(refusal).isInstanceOf(type);
        assertThat(notification.state()).as("state after the refusal").isEqualTo(before);
        assertThat(notification.pendingEvents()).as("announced after the refusal").isEmpty();
        return type.cast(refusal);
    }
}
