package io.proposalflow.notification.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.Attempt;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.DeliveryRecord;
import io.proposalflow.notification.domain.Language;
import io.proposalflow.notification.domain.MailFacts;
import io.proposalflow.notification.domain.NotResendable;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.PersonalData;
import io.proposalflow.notification.domain.Recipient;
import io.proposalflow.platform.persistence.AggregateDocument;

/**
 * One mail to one recipient, caused by one event: the delivery log entry and the work item of the
 * dispatcher at once. Its outcome (sent or failed) and the event announcing it are one write (outbox).
 */
@Document("notifications")
public class NotificationDocument extends AggregateDocument {

    @Id
    private String id;
    private String proposalId;
    private String sourceEventId;
    private String sourceEventType;
    private RecipientKind recipientKind;
    private String recipientId;
    private String organisationId;
    private String organisationName;
    private String recipientName;
    private String email;
    private Language language;
    private MailFacts facts;
    private NotificationStatus status;
    /** Failed attempts since creation or the last resend; compared with the delivery policy. */
    private int failedAttempts;
    private List<Attempt> attempts = new ArrayList<>();
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    private Instant sentAt;
    private String lastError;
    /**
     * W3C trace context of the event that caused this mail; the dispatcher, which sends later on
     * its own thread, continues that trace so the mail's log lines and NotificationSent/Failed carry
     * the same trace id as the request that started the story. Null in documents from before it.
     */
    private String traceparent;

    public static NotificationDocument pending(String id, String proposalId, String sourceEventId,
            String sourceEventType, Recipient recipient, MailFacts facts, Instant now) {
        NotificationDocument n = new NotificationDocument();
        n.id = id;
        n.proposalId = proposalId;
        n.sourceEventId = sourceEventId;
        n.sourceEventType = sourceEventType;
        n.recipientKind = recipient.kind();
        n.recipientId = recipient.recipientId();
        n.organisationId = recipient.organisationId();
        n.organisationName = recipient.organisationName();
        n.recipientName = recipient.name();
        n.email = recipient.email();
        n.language = recipient.language();
        n.facts = facts;
        n.status = NotificationStatus.PENDING;
        n.createdAt = now;
        n.nextAttemptAt = now;
        return n;
    }

    /** Once sent, always sent: a second dispatcher's late record of the same mail changes nothing. */
    public void markSent(Instant now, EventCodec codec) {
        if (status == NotificationStatus.SENT || status == NotificationStatus.CANCELLED) {
            return;
        }
        attempts.add(new Attempt(now, true, null));
        status = NotificationStatus.SENT;
        sentAt = now;
        leaseUntil = null;
        enqueue(EventEnvelope.of(new NotificationSent(UUID.fromString(id), UUID.fromString(proposalId),
                sourceEventId, sourceEventType, recipientKind, organisationId, organisationName, attempts.size())),
                codec);
    }

    /** Records a failed attempt; gives up (FAILED, announced) once the policy allows no more. */
    public void recordFailure(Instant now, String error, DeliveryPolicy policy, EventCodec codec) {
        if (status == NotificationStatus.SENT || status == NotificationStatus.CANCELLED) {
            return;
        }
        String safeError = PersonalData.withoutAddresses(error);
        attempts.add(new Attempt(now, false, safeError));
        failedAttempts++;
        lastError = safeError;
        leaseUntil = null;
        if (policy.triesAgainAfter(failedAttempts)) {
            status = NotificationStatus.PENDING;
            nextAttemptAt = policy.nextAttemptAt(now, failedAttempts);
            return;
        }
        status = NotificationStatus.FAILED;
        enqueue(EventEnvelope.of(new NotificationFailed(UUID.fromString(id), UUID.fromString(proposalId),
                sourceEventId, sourceEventType, recipientKind, organisationId, organisationName, attempts.size(),
                safeError)), codec);
    }

    /** Gives a claimed notification back without counting an attempt (e.g. the circuit breaker is open). */
    public void release(Instant retryAt) {
        if (status == NotificationStatus.CANCELLED) {
            return;
        }
        status = NotificationStatus.PENDING;
        nextAttemptAt = retryAt;
        leaseUntil = null;
    }

    /**
     * A coordinator asks for another round of attempts for a FAILED notification.
     *
     * @throws NotResendable unless it is FAILED and its recipient still has an address
     */
    public void resend(Instant now) {
        if (PersonalData.ERASED.equals(email)) {
            throw new NotResendable("the recipient of this notification was erased", status);
        }
        if (status != NotificationStatus.FAILED) {
            throw new NotResendable("only a FAILED notification can be resent", status);
        }
        status = NotificationStatus.PENDING;
        failedAttempts = 0;
        nextAttemptAt = now;
        leaseUntil = null;
    }

    /** The delivery log entry as the coordination reads it. */
    public DeliveryRecord toRecord() {
        return new DeliveryRecord(id, proposalId, facts, sourceEventId, sourceEventType, recipientKind, recipientId,
                organisationId, organisationName, recipientName, email, language, status, attempts, createdAt,
                nextAttemptAt, sentAt, lastError);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getProposalId() { return proposalId; }
    public void setProposalId(String proposalId) { this.proposalId = proposalId; }
    public String getSourceEventId() { return sourceEventId; }
    public void setSourceEventId(String sourceEventId) { this.sourceEventId = sourceEventId; }
    public String getSourceEventType() { return sourceEventType; }
    public void setSourceEventType(String sourceEventType) { this.sourceEventType = sourceEventType; }
    public RecipientKind getRecipientKind() { return recipientKind; }
    public void setRecipientKind(RecipientKind recipientKind) { this.recipientKind = recipientKind; }
    public String getRecipientId() { return recipientId; }
    public void setRecipientId(String recipientId) { this.recipientId = recipientId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getRecipientName() { return recipientName; }
    public void setRecipientName(String recipientName) { this.recipientName = recipientName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Language getLanguage() { return language; }
    public void setLanguage(Language language) { this.language = language; }
    public MailFacts getFacts() { return facts; }
    public void setFacts(MailFacts facts) { this.facts = facts; }
    public NotificationStatus getStatus() { return status; }
    public void setStatus(NotificationStatus status) { this.status = status; }
    public int getFailedAttempts() { return failedAttempts; }
    public void setFailedAttempts(int failedAttempts) { this.failedAttempts = failedAttempts; }
    public List<Attempt> getAttempts() { return attempts; }
    public void setAttempts(List<Attempt> attempts) { this.attempts = attempts == null ? new ArrayList<>() : new ArrayList<>(attempts); }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Instant nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Instant leaseUntil) { this.leaseUntil = leaseUntil; }
    public Instant getSentAt() { return sentAt; }
    public void setSentAt(Instant sentAt) { this.sentAt = sentAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
    public String getTraceparent() { return traceparent; }
    public void setTraceparent(String traceparent) { this.traceparent = traceparent; }
}
