package io.proposalflow.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.proposalflow.events.EventCodec;
import io.proposalflow.events.NotificationEvent;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.application.MailGateway.NotAttempted;
import io.proposalflow.notification.application.MailGateway.OutgoingMail;
import io.proposalflow.notification.config.NotificationProperties;
import io.proposalflow.notification.domain.DeliveryPolicy;
import io.proposalflow.notification.domain.MailKind;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.PersonalData;
import io.proposalflow.notification.persistence.NotificationDocument;
import io.proposalflow.notification.persistence.ErasureRepository;
import io.proposalflow.notification.persistence.NotificationStore;
import io.proposalflow.platform.polling.WorkLoop;
import io.proposalflow.platform.tracing.TraceContexts;

/**
 * Sends pending notifications: one thread claims due notifications in batches, and {@code senders}
 * threads deliver a batch side by side, each over its own SMTP connection (one at a time, a mail's
 * SMTP round trip and the write of its outcome left the CPU idle; docs/performance.md). It runs on the
 * platform's {@link WorkLoop}: every poll interval and whenever the consumer nudges it, again at once while
 * it finds work, and not at all while the mail server is away. Each notification is claimed atomically first, so
 * several instances of the service never send the same mail: a new one by its creation, which the planner
 * of the same instance hands over ({@link #handOver}), any other by the query for due ones. The outcome and
 * its NotificationSent/Failed event are saved in one write.
 */
@Component
public class NotificationDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    /** Notifications claimed together, per sender: enough to keep every sender busy, few to hand back. */
    private static final int CLAIM_PER_SENDER = 2;
    private static final Duration RECORD_RETRY_FIRST = Duration.ofMillis(100);
    private static final Duration RECORD_RETRY_MAX = Duration.ofSeconds(2);
    private static final Duration RENEWAL_TIMEOUT = Duration.ofSeconds(5);
    private static final long RECORD_PATIENCE_MINUTES = 10;

    private final NotificationStore store;
    private final ErasureRepository erasures;
    private final MailGateway mail;
    private final MailReports reports;
    private final EventCodec codec;
    private final NotificationProperties.Delivery settings;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final WorkLoop loop;
    private final ExecutorService senders;
    private final MeterRegistry meters;
    /** Claimed and not yet settled, by id, with the version of the claim. */
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    /** Created claimed by this dispatcher ({@link #handOver}) and not yet taken into a batch. */
    private final Queue<NotificationDocument> handedOver = new ConcurrentLinkedQueue<>();
    /** How many wait in {@link #handedOver}: beyond {@link #handOverLimit} new mail is created due instead. */
    private final AtomicInteger waitingHandedOver = new AtomicInteger();
    private final int handOverLimit;
    /** Mail was created due since the last look into MongoDB (the hand-over was full). */
    private final AtomicBoolean dueWaiting = new AtomicBoolean();
    /** Whether the last pass took its batch from MongoDB first (the loop's thread only). */
    private boolean lastPassFromDue;
    private final ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-lease-keeper");
        thread.setDaemon(true);
        return thread;
    });

    public NotificationDispatcher(NotificationStore store, MailGateway mail, MailReports reports, EventCodec codec,
            NotificationProperties properties, MeterRegistry meters, ErasureRepository erasures, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.erasures = erasures;
        this.mail = mail;
        this.clock = clock;
        this.codec = codec;
        this.settings = properties.delivery();
        this.policy = settings.policy();
        this.meters = meters;
        AtomicInteger senderNumber = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.senders(),
                r -> new Thread(r, "mail-sender-" + senderNumber.incrementAndGet()));
        // a few batches' worth: every mail held waits under a lease the keeper renews (a write each),
        // so a backlog (a slow mail server) stays in MongoDB as due mail instead of in this queue
        this.handOverLimit = 4 * CLAIM_PER_SENDER * settings.senders();
        this.loop = new WorkLoop("mail-dispatcher", settings.pollInterval(),
                () -> mail.acceptsMail() && dispatchNext());
        long renewEvery = Math.max(100, settings.lease().toMillis() / 3);
        leaseKeeper.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        // registered up front, so a dashboard sees every kind at 0 instead of "no data"
        for (MailKind kind : MailKind.values()) {
            sentCounter(kind.name());
            failedCounter(kind.name(), false);
            failedCounter(kind.name(), true);
        }
    }

    /** Mails the SMTP server accepted, by kind of mail (never by recipient). */
    private Counter sentCounter(String kind) {
        return Counter.builder("proposalflow.mails.sent")
                .description("Mails the SMTP server accepted")
                .tag("kind", kind)
                .register(meters);
    }

    /** Delivery attempts the SMTP server did not accept; final=true when the mail is given up. */
    private Counter failedCounter(String kind, boolean last) {
        return Counter.builder("proposalflow.mails.failed")
                .description("Mail delivery attempts that failed; final=true when no attempt follows")
                .tag("kind", kind)
                .tag("final", Boolean.toString(last))
                .register(meters);
    }

    /**
     * Whether the planner should create new notifications claimed by this dispatcher: while it runs, the
     * mail server is not known to be away and no more than a few batches wait in its hands. Otherwise
     * they are created due, and claimed when found; a "no" is remembered, so that the next pass looks for
     * them before the hand-over has run out (the planner asks once per mail it creates).
     */
    public boolean takesNewMail() {
        boolean takes = loop.isRunning() && mail.acceptsMail() && waitingHandedOver.get() < handOverLimit;
        if (!takes) {
            // the planner creates this mail due: a later pass asks MongoDB before the hand-over is empty
            dueWaiting.set(true);
        }
        return takes;
    }

    /** The lease a notification created claimed by this dispatcher starts with. */
    public Instant leaseOfNewMail() {
        return clock.instant().plus(settings.lease());
    }

    /**
     * Takes notifications that were created claimed by this dispatcher (saved, SENDING, leased to it):
     * they are sent in the next batches, and their leases kept alive until then. If this process stops
     * before, their lease runs out and any instance finds them as it finds any notification due.
     */
    public void handOver(List<NotificationDocument> created) {
        if (created.isEmpty()) {
            return;
        }
        created.forEach(claimed -> inFlight.put(claimed.getId(), claimed.getVersion()));
        waitingHandedOver.addAndGet(created.size());
        handedOver.addAll(created);
        loop.nudge();
    }

    /** Asks for a pass soon; cheap and safe to call from any thread. */
    public void nudge() {
        loop.nudge();
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * Claims a batch of due notifications and delivers them, {@code senders} at a time; returns once
     * all are done, false when there was none. Claiming a batch costs one query instead of one per mail.
     */
    boolean dispatchNext() {
        int limit = CLAIM_PER_SENDER * settings.senders();
        List<NotificationDocument> batch = new ArrayList<>();
        // mail created due while the hand-over was full waits in MongoDB: every other pass asks there first,
        // so neither that mail nor the handed-over mail waits until the other has run out
        if (!lastPassFromDue && dueWaiting.getAndSet(false)) {
            batch = claimDue(limit);
            if (batch.size() == limit) {
                dueWaiting.set(true);
            }
        }
        lastPassFromDue = !batch.isEmpty();
        for (NotificationDocument next = batch.isEmpty() ? handedOver.poll() : null; next != null;
                next = handedOver.poll()) {
            waitingHandedOver.decrementAndGet();
            batch.add(next);
            if (batch.size() == limit) {
                break;
            }
        }
        if (batch.isEmpty()) {
            batch = claimDue(limit);
        }
        if (batch.isEmpty()) {
            return false;
        }
        batch.forEach(claimed -> inFlight.put(claimed.getId(), claimed.getVersion()));
        CompletableFuture<?>[] sending = batch.stream()
                .map(claimed -> CompletableFuture.runAsync(() -> deliverOrHandBack(claimed), senders))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sending).join();
        return true;
    }

    private List<NotificationDocument> claimDue(int limit) {
        List<NotificationDocument> due = store.claimDue(clock.instant(), settings.lease(), limit).collectList().block();
        return due == null ? new ArrayList<>() : new ArrayList<>(due);
    }

    private void deliverOrHandBack(NotificationDocument claimed) {
        try {
            deliverOrHandBackClaimed(claimed);
        } finally {
            inFlight.remove(claimed.getId());
        }
    }

    /**
     * Keeps the leases of the notifications this dispatcher holds (claimed, waiting or being sent)
     * from running out, every third of a lease. The lease can then be short, so that after a crash
     * another instance (or this one restarted) takes the mails over within seconds, while a slow
     * server that takes longer than a lease to accept a mail never lets a second dispatcher send it
     * too. A renewal that finds the notification changed drops it from the set (it is no longer ours).
     */
    void renewLeases() {
        Instant until = clock.instant().plus(settings.lease());
        inFlight.forEach((id, version) -> {
            try {
                if (!Boolean.TRUE.equals(store.renewLease(id, version, until).block(RENEWAL_TIMEOUT))) {
                    inFlight.remove(id, version);
                }
            } catch (RuntimeException e) {
                // MongoDB away: the next round tries again; the pre-send check refuses a lapsed lease
                LOG.info("Lease of mail {} not renewed: {}", id, e.toString());
            }
        });
    }

    private void deliverOrHandBackClaimed(NotificationDocument claimed) {
        if (!mail.acceptsMail()) {
            // the breaker opened during the batch: hand the rest back untouched, not as failures
            store.update(claimed.getId(), "attempt-" + claimed.getVersion(),
                    n -> n.release(clock.instant().plus(settings.breakerOpenDelay()))).block();
            return;
        }
        // continue the trace of the event that caused this mail: the log lines below and the
        // NotificationSent/Failed event enqueued by the update carry its trace id
        try (TraceContexts.Scope ignored =
                TraceContexts.continueTrace(claimed.getTraceparent(), "notification.dispatch")) {
            deliver(claimed);
        }
    }

    /**
     * Sends one claimed mail and records the outcome. The send and its record are kept apart: once the
     * server has accepted the mail, only the record is retried (a failing write must never put the mail
     * back to be sent again), and a rejection of this one address fails it at once without counting
     * against the server.
     */
    private void deliver(NotificationDocument claimed) {
        String attemptKey = "attempt-" + claimed.getVersion();
        String kind = claimed.getFacts() == null || claimed.getFacts().kind() == null
                ? "UNKNOWN" : claimed.getFacts().kind().name();
        if (erased(claimed)) {
            LOG.info("proposal {}: mail {} not sent: its recipient was erased", claimed.getProposalId(),
                    claimed.getId());
            store.anonymise(claimed.getRecipientKind(), claimed.getRecipientId()).block();
            return;
        }
        if (!holdsLeaseForSending(claimed)) {
            LOG.info("proposal {}: mail {} no longer ours (its lease ran out, or it was erased); not sent",
                    claimed.getProposalId(), claimed.getId());
            return;
        }
        try {
            mail.send(new OutgoingMail(claimed.getId(), claimed.getFacts(), claimed.getRecipientKind(),
                    claimed.getRecipientName(), claimed.getEmail(), claimed.getLanguage()));
        } catch (NotAttempted e) {
            // the breaker opened while we held it: not an attempt, the server was never asked
            store.update(claimed.getId(), attemptKey,
                    n -> n.release(clock.instant().plus(settings.breakerOpenDelay()))).block();
            return;
        } catch (PermanentRejection e) {
            recordFailure(claimed, attemptKey, kind, e, true);
            return;
        } catch (RuntimeException e) {
            recordFailure(claimed, attemptKey, kind, e, false);
            return;
        }
        sentCounter(kind).increment();
        recordSent(claimed, attemptKey, kind);
    }

    /**
     * Makes sure the mail is still this dispatcher's to send: a mail claimed with a batch may wait its
     * turn, and another instance takes over a notification whose lease ran out; an erasure since the
     * claim raises the version and cancels it. Asked of the database, never taken from the copy in hand,
     * but as a read: the notification must still be exactly as claimed (same version, SENDING) and its
     * lease must have at least half its length to run, which {@link #renewLeases} keeps so. Only a lease
     * that is running out (the keeper could not reach MongoDB) is renewed here, by a conditional write.
     */
    private boolean holdsLeaseForSending(NotificationDocument claimed) {
        NotificationDocument current = store.findById(claimed.getId()).block();
        if (current == null || !claimed.getVersion().equals(current.getVersion())
                || current.getStatus() != NotificationStatus.SENDING || current.getLeaseUntil() == null) {
            return false;
        }
        Instant now = clock.instant();
        if (current.getLeaseUntil().isAfter(now.plus(settings.lease().dividedBy(2)))) {
            return true;
        }
        Instant renewed = now.plus(settings.lease());
        if (Boolean.TRUE.equals(store.renewLease(claimed.getId(), claimed.getVersion(), renewed).block())) {
            claimed.setLeaseUntil(renewed);
            return true;
        }
        return false;
    }

    /**
     * A partner contact erased after a planner had read the directory: a contact's id is never reused,
     * so its erasure record means that nothing may go to it. A placeholder address is never mailed.
     */
    private boolean erased(NotificationDocument claimed) {
        if (PersonalData.ERASED.equals(claimed.getEmail())) {
            return true;
        }
        return claimed.getRecipientKind() == RecipientKind.PARTNER
                && Boolean.TRUE.equals(erasures.existsByContactId(claimed.getRecipientId()).block());
    }

    /**
     * Records that the server accepted the mail, and reports it. The report ({@code NotificationSent})
     * goes to its topic first, straight away ({@link MailReports}); then the record is written, without
     * an outbox entry, so the mail costs one write here instead of three (the record with its entry,
     * the relay's removal of it). Should the report not reach the broker within moments, it is saved with
     * the record in the outbox as before. A crash between the report and the record sends the mail once
     * more, as a crash between the send and the record always did, and reports it once more: the
     * proposal's history counts a mail by its notification id (ADR 21).
     *
     * <p>The record is retried as a record, never by sending again: a MongoDB hiccup must not make anyone
     * send the mail a second time. While it is retried the mail stays in this dispatcher's hands (its
     * lease is kept alive, {@link #renewLeases}), so no other instance takes it over; only if this
     * process dies before the record is written, or MongoDB stays away longer than
     * {@value #RECORD_PATIENCE_MINUTES} minutes, can it be sent once more. It keeps its Message-ID, so the
     * receiving side can tell.
     */
    private void recordSent(NotificationDocument claimed, String attemptKey, String kind) {
        Instant sentAt = clock.instant();
        NotificationEvent report = claimed.sentReport(sentAt);
        boolean reported = report != null && reports.publish(report);
        try {
            store.update(claimed.getId(), attemptKey, n -> {
                if (reported) {
                    n.markSentReported(sentAt);
                } else {
                    n.markSent(sentAt, codec);
                }
            })
                    .retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, RECORD_RETRY_FIRST)
                            .maxBackoff(RECORD_RETRY_MAX)
                            .doBeforeRetry(r -> LOG.warn("proposal {}: mail {} was sent, recording it failed ({}); "
                                    + "trying the record again", claimed.getProposalId(), claimed.getId(),
                                    r.failure().toString())))
                    .block(Duration.ofMinutes(RECORD_PATIENCE_MINUTES));
            LOG.info("proposal {}: mail {} ({}, {}) sent", claimed.getProposalId(), claimed.getId(), kind,
                    claimed.getRecipientKind());
        } catch (RuntimeException e) {
            LOG.error("proposal {}: mail {} was sent but could not be recorded; it may be sent once more: {}",
                    claimed.getProposalId(), claimed.getId(), e.toString());
        }
    }

    private void recordFailure(NotificationDocument claimed, String attemptKey, String kind, RuntimeException e,
            boolean permanent) {
        String error = PersonalData.withoutAddresses(permanent ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage());
        LOG.info("proposal {}: mail {} ({}) not delivered{}: {}", claimed.getProposalId(), claimed.getId(), kind,
                permanent ? " (refused for good)" : "", error);
        DeliveryPolicy applied = permanent ? DeliveryPolicy.NO_RETRY : policy;
        store.update(claimed.getId(), attemptKey, n -> n.recordFailure(clock.instant(), error, applied, codec))
                .block();
        failedCounter(kind, permanent || !policy.triesAgainAfter(claimed.getFailedAttempts() + 1)).increment();
    }

    /** Stops the loop (if the context has not yet) and the threads of the senders and the lease keeper. */
    @jakarta.annotation.PreDestroy
    void shutdown() {
        loop.stop();
        leaseKeeper.shutdownNow();
        senders.shutdownNow();
    }
}
