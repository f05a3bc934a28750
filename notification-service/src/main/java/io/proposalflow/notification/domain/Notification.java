package io.proposalflow.notification.domain;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.NotificationFailed;
import io.proposalflow.events.NotificationSent;

/**
 * One mail to one recipient, caused by one event: the delivery log entry and the dispatcher's work item
 * at once. Its outcome (sent or failed for good) is announced with a {@link NotificationEvent} that is
 * saved with it.
 */
public final class Notification {

    private final String id;
    private NotificationState state;
    private final List<NotificationEvent> pendingEvents = new ArrayList<>();

    private Notification(String id, NotificationState state) {
        this.id = id;
        this.state = state;
    }

    /** A new notification, due at once. */
    public static Notification pending(String id, String proposalId, String sourceEventId, String sourceEventType,
            Recipient recipient, MailFacts facts, Instant now) {
        return new Notification(id, new NotificationState(proposalId, sourceEventId, sourceEventType,
                recipient.kind(), recipient.recipientId(), recipient.organisationId(), recipient.organisationName(),
                recipient.name(), recipient.email(), recipient.language(), facts, NotificationStatus.PENDING, 0,
                List.of(), now, now, null, null, null, null));
    }

    public static Notification restore(String id, NotificationState state) {
        return new Notification(id, state);
    }

    public String id() {
        return id;
    }

    public NotificationState state() {
        return state;
    }

    /** The announcements of the changes since it was loaded, to be saved with it. */
    public List<NotificationEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** Once sent, always sent: a second dispatcher's late record of the same mail changes nothing. */
    public void markSent(Instant now) {
        if (settledForGood()) {
            return;
        }
        List<Attempt> attempts = new ArrayList<>(state.attempts());
        attempts.add(new Attempt(now, true, null));
        state = state.with(NotificationStatus.SENT, state.failedAttempts(), attempts, state.nextAttemptAt(), null, now,
                state.lastError());
        pendingEvents.add(new NotificationSent(UUID.fromString(id), UUID.fromString(state.proposalId()),
                state.sourceEventId(), state.sourceEventType(), state.recipientKind(), state.organisationId(),
                state.organisationName(), attempts.size()));
    }

    /** Records a failed attempt; gives up (FAILED, announced) once the policy allows no more. */
    public void recordFailure(Instant now, String error, DeliveryPolicy policy) {
        if (settledForGood()) {
            return;
        }
        String safeError = PersonalData.withoutAddresses(error);
        List<Attempt> attempts = new ArrayList<>(state.attempts());
        attempts.add(new Attempt(now, false, safeError));
        int failed = state.failedAttempts() + 1;
        if (policy.triesAgainAfter(failed)) {
            state = state.with(NotificationStatus.PENDING, failed, attempts, policy.nextAttemptAt(now, failed), null,
                    state.sentAt(), safeError);
            return;
        }
        state = state.with(NotificationStatus.FAILED, failed, attempts, state.nextAttemptAt(), null, state.sentAt(),
                safeError);
        pendingEvents.add(new NotificationFailed(UUID.fromString(id), UUID.fromString(state.proposalId()),
                state.sourceEventId(), state.sourceEventType(), state.recipientKind(), state.organisationId(),
                state.organisationName(), attempts.size(), safeError));
    }

    /** Gives a claimed notification back without counting an attempt (e.g. the circuit breaker is open). */
    public void release(Instant retryAt) {
        if (state.status() == NotificationStatus.CANCELLED) {
            return;
        }
        state = state.with(NotificationStatus.PENDING, state.failedAttempts(), state.attempts(), retryAt, null,
                state.sentAt(), state.lastError());
    }

    /**
     * A coordinator asks for another round of attempts for a FAILED notification.
     *
     * @throws NotResendable unless it is FAILED and its recipient still has an address
     */
    public void resend(Instant now) {
        if (PersonalData.ERASED.equals(state.email())) {
            throw new NotResendable("the recipient of this notification was erased", state.status());
        }
        if (state.status() != NotificationStatus.FAILED) {
            throw new NotResendable("only a FAILED notification can be resent", state.status());
        }
        state = state.with(NotificationStatus.PENDING, 0, state.attempts(), now, null, state.sentAt(),
                state.lastError());
    }

    private boolean settledForGood() {
        return state.status() == NotificationStatus.SENT || state.status() == NotificationStatus.CANCELLED;
    }
}
