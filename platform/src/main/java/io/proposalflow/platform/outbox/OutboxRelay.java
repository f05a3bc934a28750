package io.proposalflow.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events that aggregates left in their outbox, then removes them.
 *
 * <p>Several instances of a service may run at once: a relay first claims a document by
 * writing a lease into it, so normally one instance publishes a document's events. If an
 * instance dies or stalls past its lease, another takes over and may publish some events a
 * second time; consumers are idempotent by event id, so a duplicate has no effect. Nothing
 * is removed from an outbox before the broker acknowledged it, so a crash at any point loses
 * nothing: the next relay to start finds the entries still there.
 *
 * <p>The relay never touches the aggregate's {@code @Version}: a business update that races
 * with it still succeeds, at worst re-adding an entry that was just published (a duplicate).
 *
 * <p>It runs on its own thread and blocks on the reactive driver there, never on an event loop.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How often the relay refreshes the backlog figure that metrics read. */
    private static final long BACKLOG_REFRESH_SECONDS = 15;
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(BACKLOG_REFRESH_SECONDS);

    private final ReactiveMongoOperations mongo;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();

    private volatile boolean running;
    private volatile Thread worker;
    private volatile String lastError;
    private volatile long lastKnownPending = -1;
    private volatile Instant nextBacklogRefresh = Instant.MIN;

    public OutboxRelay(ReactiveMongoOperations mongo, OutboxPublisher publisher, OutboxProperties properties) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Asks the relay to look now instead of at its next poll, e.g. right after a write. */
    public void nudge() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** Total number of events this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** The last publishing failure, or {@code null} once a pass succeeded again. */
    public String lastError() {
        return lastError;
    }

    /** Events waiting in all outboxes (for health and metrics); blocks, call off the event loop. */
    public long pendingCount() {
        long pending = 0;
        for (String collection : properties.collections()) {
            Long count = mongo.count(new Query(where(OutboxEntry.FIELD + ".0").exists(true)), collection).block();
            pending += count == null ? 0 : count;
        }
        lastKnownPending = pending;
        return pending;
    }

    /**
     * The backlog as last counted by {@link #pendingCount()} (health checks and the relay itself
     * every {@value #BACKLOG_REFRESH_SECONDS} s), without touching MongoDB: what the
     * {@code proposalflow.outbox.backlog} gauge reads, so a metrics scrape never blocks. Negative
     * until first counted.
     */
    public long lastKnownPendingCount() {
        return lastKnownPending;
    }

    private void refreshBacklog() {
        if (Instant.now().isBefore(nextBacklogRefresh)) {
            return;
        }
        nextBacklogRefresh = Instant.now().plus(BACKLOG_REFRESH);
        try {
            pendingCount();
        } catch (RuntimeException e) {
            // MongoDB away: the figure keeps its last value; the mongo health check reports the outage
            log.debug("Outbox backlog not counted: {}", e.toString());
        }
    }

    /**
     * One pass over every collection: claims up to {@code batch-size} documents with pending events,
     * publishes all their events at once (sends to Kafka are started together and awaited together,
     * so a batch costs one broker round trip, not one per document) and removes what the broker
     * acknowledged. Returns how many events were published.
     *
     * @throws OutboxPublisher.OutboxPublishException when some event could not be published; what
     *         was acknowledged before is removed all the same
     */
    public int relayOnce() {
        int count = 0;
        for (String collection : properties.collections()) {
            List<Document> claimed = claimBatch(collection);
            if (!claimed.isEmpty()) {
                count += publish(collection, claimed);
            }
        }
        return count;
    }

    /**
     * Finds candidates with one query, then claims each by id. The query is the expensive part
     * (it is a scan wherever the outbox field is not indexed, as in the embedded stand-in); the
     * claim by id is cheap and still conditional, so two relays never both own a document.
     */
    private List<Document> claimBatch(String collection) {
        Query candidates = pendingAndFree(Instant.now()).limit(properties.batchSize());
        candidates.fields().include("_id");
        List<Object> ids = mongo.find(candidates, Document.class, collection).map(d -> d.get("_id"))
                .collectList().block();
        List<Document> claimed = new ArrayList<>();
        for (Object id : ids == null ? List.of() : ids) {
            Instant now = Instant.now();
            Query mine = pendingAndFree(now).addCriteria(where("_id").is(id));
            Update lease = new Update().set(OutboxEntry.LEASE_FIELD, new Document("owner", owner)
                    .append("until", Date.from(now.plus(properties.lease()))));
            Document document = mongo.findAndModify(mine, lease, FindAndModifyOptions.options().returnNew(true),
                    Document.class, collection).block();
            if (document != null) {
                claimed.add(document);
            }
        }
        return claimed;
    }

    private static Query pendingAndFree(Instant now) {
        return new Query(new Criteria().andOperator(
                where(OutboxEntry.FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        where(OutboxEntry.LEASE_FIELD).is(null),
                        where(OutboxEntry.LEASE_FIELD + ".until").lt(Date.from(now)))));
    }

    private int publish(String collection, List<Document> claimed) {
        Map<Object, List<OutboxEntry>> entries = new LinkedHashMap<>();
        for (Document document : claimed) {
            entries.put(document.get("_id"), document.getList(OutboxEntry.FIELD, Document.class).stream()
                    .map(OutboxEntry::fromDocument)
                    .toList());
        }
        OutboxPublisher.BatchResult result = publisher.publishAll(entries);
        int count = 0;
        for (Map.Entry<Object, List<String>> acknowledged : result.acknowledged().entrySet()) {
            removeAndRelease(collection, acknowledged.getKey(), acknowledged.getValue());
            count += acknowledged.getValue().size();
        }
        published.addAndGet(count);
        if (result.failure() != null) {
            throw result.failure();
        }
        return count;
    }

    private void removeAndRelease(String collection, Object id, List<String> publishedIds) {
        Update update = new Update().unset(OutboxEntry.LEASE_FIELD);
        if (!publishedIds.isEmpty()) {
            update.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", publishedIds)));
        }
        var result = mongo.updateFirst(
                new Query(where("_id").is(id).and(OutboxEntry.LEASE_FIELD + ".owner").is(owner)),
                update, collection).block();
        if (result != null && result.getMatchedCount() == 0 && !publishedIds.isEmpty()) {
            // Our lease ran out and another relay owns the document now: still remove what we
            // published, so it is not sent a second time, but leave the other relay's lease alone.
            Update pullOnly = new Update().pull(OutboxEntry.FIELD,
                    new Document("eventId", new Document("$in", publishedIds)));
            mongo.updateFirst(new Query(where("_id").is(id)), pullOnly, collection).block();
        }
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                int count = relayOnce();
                if (lastError != null) {
                    log.info("Outbox relay publishes again");
                    lastError = null;
                }
                backoff = properties.pollInterval();
                refreshBacklog();
                if (count == 0) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!e.toString().equals(lastError)) {
                    log.warn("Outbox relay cannot publish, will retry: {}", e.toString());
                }
                lastError = e.toString();
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (running || properties.collections().isEmpty()) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        log.info("Outbox relay {} watches {}", owner, properties.collections());
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the Kafka producer and MongoDB client are up, stopped before they are
        return Integer.MAX_VALUE - 100;
    }
}
