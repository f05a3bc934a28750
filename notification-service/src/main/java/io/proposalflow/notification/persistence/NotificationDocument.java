package io.proposalflow.notification.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Attempt;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.Notification;
import io.proposalflow.notification.domain.NotificationState;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.Recipient;
import io.proposalflow.platform.persistence.AggregateDocument;

/**
 * A {@link Notification} as stored: its state, and the NotificationSent/Failed event of its outcome in
 * the outbox of the same write. The state is the domain's {@link NotificationState}, unwrapped: each
 * component is a top-level field under its own name ({@code status}, {@code attempts}, {@code facts}, ...),
 * the layout stored notifications always had, so they load unchanged; a new component needs no edit here.
 */
@Document("notifications")
public class NotificationDocument extends AggregateDocument {

    @Id
    private String id;

    @Unwrapped.Nullable
    private NotificationState state;

    public static NotificationDocument pending(String id, String proposalId, String sourceEventId,
            String sourceEventType, Recipient recipient, MailFacts facts, Instant now) {
        return of(Notification.pending(id, proposalId, sourceEventId, sourceEventType, recipient, facts, now), null);
    }

    /** The notification as stored, its pending events queued in the outbox ({@code codec} may be null without). */
    public static NotificationDocument of(Notification notification, EventCodec codec) {
        NotificationDocument document = new NotificationDocument();
        document.apply(notification, codec);
        return document;
    }

    public Notification toDomain() {
        return Notification.restore(id, state);
    }

    /** Takes over the notification's state and queues the events of its changes, to be saved together. */
    public void apply(Notification notification, EventCodec codec) {
        id = notification.id();
        state = notification.state();
        notification.pendingEvents().forEach(event -> enqueue(EventEnvelope.of(event), codec));
    }

    /** See {@link Notification#markSent}. */
    public void markSent(Instant now, EventCodec codec) {
        Notification notification = toDomain();
        notification.markSent(now);
        apply(notification, codec);
    }

    /**
     * The report {@link #markSent} would queue, for publishing it before the record: null if marking it
     * sent would announce nothing (it is settled already).
     */
    public NotificationEvent sentReport(Instant now) {
        Notification notification = toDomain();
        notification.markSent(now);
        return notification.pendingEvents().isEmpty() ? null : notification.pendingEvents().get(0);
    }

    /** As {@link #markSent}, for a mail whose report is already published: nothing is queued. */
    public void markSentReported(Instant now) {
        Notification notification = toDomain();
        notification.markSent(now);
        id = notification.id();
        state = notification.state();
    }

    /** See {@link Notification#recordFailure}. */
    public void recordFailure(Instant now, String error, DeliveryPolicy policy, EventCodec codec) {
        Notification notification = toDomain();
        notification.recordFailure(now, error, policy);
        apply(notification, codec);
    }

    /** See {@link Notification#release}. */
    public void release(Instant retryAt) {
        Notification notification = toDomain();
        notification.release(retryAt);
        apply(notification, null);
    }

    /** See {@link Notification#resend}. */
    public void resend(Instant now) {
        Notification notification = toDomain();
        notification.resend(now);
        apply(notification, null);
    }

    public NotificationState state() { return state; }
    public String getId() { return id; }
    public String getProposalId() { return state.proposalId(); }
    public String getSourceEventId() { return state.sourceEventId(); }
    public String getSourceEventType() { return state.sourceEventType(); }
    public RecipientKind getRecipientKind() { return state.recipientKind(); }
    public String getRecipientId() { return state.recipientId(); }
    public String getOrganisationId() { return state.organisationId(); }
    public String getOrganisationName() { return state.organisationName(); }
    public String getRecipientName() { return state.recipientName(); }
    public String getEmail() { return state.email(); }
    public Language getLanguage() { return state.language(); }
    public MailFacts getFacts() { return state.facts(); }
    public NotificationStatus getStatus() { return state.status(); }
    public int getFailedAttempts() { return state.failedAttempts(); }
    public List<Attempt> getAttempts() { return state.attempts(); }
    public Instant getCreatedAt() { return state.createdAt(); }
    public Instant getNextAttemptAt() { return state.nextAttemptAt(); }
    public Instant getLeaseUntil() { return state.leaseUntil(); }
    public Instant getSentAt() { return state.sentAt(); }
    public String getLastError() { return state.lastError(); }
    public String getTraceparent() { return state.traceparent(); }
    public void setLeaseUntil(Instant leaseUntil) { state = state.withLeaseUntil(leaseUntil); }
    /** Created claimed by the dispatcher of this instance, which is handed it at once (no claim query, no claim write). */
    public void claimUntil(Instant leaseUntil) { state = state.claimedUntil(leaseUntil); }
    public void setTraceparent(String traceparent) { state = state.withTraceparent(traceparent); }
}
