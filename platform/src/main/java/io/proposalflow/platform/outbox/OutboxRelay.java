package io.proposalflow.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.proposalflow.platform.polling.LeaseClaims;
import io.proposalflow.platform.polling.WorkLoop;

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
 * <p>Most documents are not looked for at all: a save that fills an empty outbox writes this
 * relay's lease itself and hands the entries over in memory ({@link OutboxHandOver}), so an event
 * costs the save that appends it and the release that removes it. The query finds the rest: entries
 * saved next to older ones, and those whose hand-over was lost with a crash (once their lease ran out).
 *
 * <p>The relay never touches the aggregate's {@code @Version}: a business update that races
 * with it still succeeds, at worst re-adding an entry that was just published (a duplicate).
 *
 * <p>It runs on its own thread and blocks on the reactive driver there, never on an event loop.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long MAX_BACKOFF_SECONDS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(MAX_BACKOFF_SECONDS);
    /** The lease owner of a parked document: nobody claims it until it is retried. */
    static final String PARKED = "parked";
    private static final Date PARKED_UNTIL = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final String ATTEMPTS = "attempts";
    /** The partial index of documents with pending events, in every relayed collection. */
    static final String PENDING_INDEX = "outbox_pending";
    private static final Duration INDEX_PATIENCE = Duration.ofSeconds(10);
    /** How often the relay refreshes the backlog figure that metrics read. */
    private static final long BACKLOG_REFRESH_SECONDS = 15;
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(BACKLOG_REFRESH_SECONDS);

    private final ReactiveMongoOperations mongo;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxHandOver handOver;
    private final String owner;
    private final AtomicLong published = new AtomicLong();

    private final Clock clock;
    private final WorkLoop loop;
    private volatile long lastKnownPending = -1;
    private volatile long lastKnownParked = -1;
    private volatile Instant nextBacklogRefresh = Instant.MIN;

    public OutboxRelay(ReactiveMongoOperations mongo, OutboxPublisher publisher, OutboxProperties properties,
            Clock clock) {
        this(mongo, publisher, properties, clock, new OutboxHandOver(properties, clock));
    }

    /**
     * @param handOver where saves that claimed their outbox leave the entries for this relay (the same
     *                 instance the services' template writes the claims with)
     */
    public OutboxRelay(ReactiveMongoOperations mongo, OutboxPublisher publisher, OutboxProperties properties,
            Clock clock, OutboxHandOver handOver) {
        this.handOver = handOver;
        this.owner = handOver.owner();
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.loop = new WorkLoop("outbox-relay", properties.pollInterval(), () -> {
            int count = relayOnce();
            refreshBacklog();
            return count > 0;
        });
    }

    /** Asks the relay to look now instead of at its next poll, e.g. right after a write. */
    public void nudge() {
        loop.nudge();
    }

    /** Total number of events this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    /** The last publishing failure, or {@code null} once a pass succeeded again. */
    public String lastError() {
        return loop.lastError();
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
        Instant now = clock.instant();
        if (now.isBefore(nextBacklogRefresh)) {
            return;
        }
        nextBacklogRefresh = now.plus(BACKLOG_REFRESH);
        try {
            pendingCount();
            parkedCount();
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
        int count = publishHandedOver();
        for (String collection : properties.collections()) {
            List<Document> claimed = claimBatch(collection);
            if (!claimed.isEmpty()) {
                count += publish(collection, claimed);
            }
        }
        return count;
    }

    /**
     * Publishes what saves claimed for this relay and handed over ({@link OutboxHandOver}), per
     * collection in one batch, and settles each document as {@link #publish} does.
     */
    private int publishHandedOver() {
        Map<String, Map<Object, List<OutboxEntry>>> byCollection = new LinkedHashMap<>();
        for (OutboxHandOver.Claimed claimed : handOver.takeAll()) {
            byCollection.computeIfAbsent(claimed.collection(), c -> new LinkedHashMap<>())
                    .merge(claimed.id(), claimed.entries(), (before, more) -> {
                        List<OutboxEntry> all = new ArrayList<>(before);
                        all.addAll(more);
                        return all;
                    });
        }
        int count = 0;
        for (Map.Entry<String, Map<Object, List<OutboxEntry>>> collection : byCollection.entrySet()) {
            Map<Object, Integer> noAttemptsYet = new LinkedHashMap<>();
            collection.getValue().keySet().forEach(id -> noAttemptsYet.put(id, 0));
            count += publish(collection.getKey(), collection.getValue(), noAttemptsYet);
        }
        return count;
    }

    /** Claims up to {@code batch-size} documents with pending events and no live lease. */
    private List<Document> claimBatch(String collection) {
        Instant now = clock.instant();
        // subfields, not the whole lease: a failed document's attempts survive the next claim
        Update lease = new Update().set(OutboxEntry.LEASE_FIELD + ".owner", owner)
                .set(OutboxEntry.LEASE_FIELD + ".until", Date.from(now.plus(properties.lease())));
        List<Document> claimed = LeaseClaims.claim(mongo, Document.class, collection, pendingAndFree(now),
                Sort.unsorted(), properties.batchSize(), lease).collectList().block();
        return claimed == null ? List.of() : claimed;
    }

    private static Criteria pendingAndFree(Instant now) {
        return new Criteria().andOperator(
                where(OutboxEntry.FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        where(OutboxEntry.LEASE_FIELD).is(null),
                        where(OutboxEntry.LEASE_FIELD + ".until").lt(Date.from(now))));
    }

    /**
     * Publishes the claimed documents' events and settles each document on its own: what the broker
     * acknowledged is removed; a document whose event the broker refused waits a little longer each
     * time (its lease serves as "not before") and is parked after {@code max-attempts}, while every
     * other document goes on at full speed. Only when the broker took nothing at all and the errors
     * are of the kind that pass (broker away, timeouts) is it an outage: then nothing is counted
     * against the documents, and the whole relay backs off.
     */
    private int publish(String collection, List<Document> claimed) {
        Map<Object, List<OutboxEntry>> entries = new LinkedHashMap<>();
        Map<Object, Integer> attemptsBefore = new LinkedHashMap<>();
        for (Document document : claimed) {
            entries.put(document.get("_id"), document.getList(OutboxEntry.FIELD, Document.class).stream()
                    .map(OutboxEntry::fromDocument)
                    .toList());
            Document lease = document.get(OutboxEntry.LEASE_FIELD, Document.class);
            attemptsBefore.put(document.get("_id"), lease == null ? 0 : lease.getInteger(ATTEMPTS, 0));
        }
        return publish(collection, entries, attemptsBefore);
    }

    private int publish(String collection, Map<Object, List<OutboxEntry>> entries,
            Map<Object, Integer> attemptsBefore) {
        OutboxPublisher.BatchResult result = publisher.publishAll(entries);
        boolean brokerTookSome = result.acknowledged().values().stream().anyMatch(ids -> !ids.isEmpty());
        OutboxPublisher.OutboxPublishException outage = null;
        int count = 0;
        for (Object id : entries.keySet()) {
            List<String> acknowledged = result.acknowledged().getOrDefault(id, List.of());
            OutboxPublisher.OutboxPublishException failure = result.failures().get(id);
            if (failure == null) {
                removeAndRelease(collection, id, acknowledged);
            } else if (!brokerTookSome && failure.mayPassByItself()) {
                removeAndRelease(collection, id, acknowledged);
                outage = outage == null ? failure : outage;
            } else {
                recordFailure(collection, id, acknowledged, failure, attemptsBefore.get(id) + 1);
            }
            count += acknowledged.size();
        }
        published.addAndGet(count);
        if (outage != null) {
            throw outage;
        }
        return count;
    }

    /**
     * One more failed attempt of a document's next event: removes what was published before it, and
     * either sets the time of the next try or, after {@code max-attempts}, parks the document (its
     * lease owned by nobody, until an operator retries it: {@link #retryParked()}).
     */
    private void recordFailure(String collection, Object id, List<String> acknowledged,
            OutboxPublisher.OutboxPublishException failure, int attempts) {
        Instant now = clock.instant();
        boolean park = attempts >= properties.maxAttempts();
        Update update = new Update()
                .set(OutboxEntry.LEASE_FIELD + "." + ATTEMPTS, attempts)
                .set(OutboxEntry.LEASE_FIELD + ".error", failure.getMessage())
                .set(OutboxEntry.LEASE_FIELD + ".at", Date.from(now));
        if (park) {
            update.set(OutboxEntry.LEASE_FIELD + ".owner", PARKED)
                    .set(OutboxEntry.LEASE_FIELD + ".until", PARKED_UNTIL);
            log.warn("Outbox of {} {} parked after {} failed attempts: {}", collection, id, attempts,
                    failure.getMessage());
        } else {
            update.set(OutboxEntry.LEASE_FIELD + ".until", Date.from(now.plus(retryDelay(attempts))));
            log.info("Outbox of {} {}: attempt {} failed, next in {}: {}", collection, id, attempts,
                    retryDelay(attempts), failure.getMessage());
        }
        if (!acknowledged.isEmpty()) {
            update.pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", acknowledged)));
        }
        mongo.updateFirst(new Query(where("_id").is(id).and(OutboxEntry.LEASE_FIELD + ".owner").is(owner)), update,
                collection).block();
    }

    /** 200 ms, doubling per attempt, at most {@value #MAX_BACKOFF_SECONDS} s. */
    static Duration retryDelay(int attempts) {
        long millis = 200L << Math.min(attempts - 1, 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** Documents parked after too many failed attempts, in every collection. */
    public long parkedCount() {
        long parked = 0;
        for (String collection : properties.collections()) {
            Long count = mongo.count(parkedQuery(), collection).block();
            parked += count == null ? 0 : count;
        }
        lastKnownParked = parked;
        return parked;
    }

    /** What is parked, for health and the outbox endpoint: collection, id, attempts, error, when. */
    public List<Map<String, Object>> parked(int limit) {
        List<Map<String, Object>> parked = new ArrayList<>();
        for (String collection : properties.collections()) {
            Query query = parkedQuery().limit(limit);
            for (Document d : mongo.find(query, Document.class, collection).collectList().block()) {
                Document lease = d.get(OutboxEntry.LEASE_FIELD, Document.class);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("collection", collection);
                entry.put("id", String.valueOf(d.get("_id")));
                entry.put("attempts", lease.getInteger(ATTEMPTS, 0));
                entry.put("error", lease.getString("error"));
                entry.put("since", lease.getDate("at") == null ? null : lease.getDate("at").toInstant());
                parked.add(entry);
            }
        }
        return parked;
    }

    /**
     * Gives every parked document another round of {@code max-attempts} (e.g. once the topic exists
     * or the broker accepts larger messages); returns how many.
     */
    public long retryParked() {
        long released = 0;
        for (String collection : properties.collections()) {
            var result = mongo.updateMulti(parkedQuery(), new Update().unset(OutboxEntry.LEASE_FIELD), collection)
                    .block();
            released += result == null ? 0 : result.getModifiedCount();
        }
        if (released > 0) {
            log.info("Outbox: {} parked documents released for another try", released);
            nudge();
        }
        return released;
    }

    /** Parked documents as last counted (metrics read this; never blocks). Negative until counted. */
    public long lastKnownParkedCount() {
        return lastKnownParked;
    }

    /** A parked document still has its entries: the pending condition lets the partial index serve the query. */
    private static Query parkedQuery() {
        return new Query(where(OutboxEntry.FIELD + ".0").exists(true).and(OutboxEntry.LEASE_FIELD + ".owner").is(PARKED));
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

    @Override
    public synchronized void start() {
        if (loop.isRunning() || properties.collections().isEmpty()) {
            return;
        }
        createPendingIndexes();
        loop.start();
        handOver.relayWaiting(loop::nudge);
        log.info("Outbox relay {} watches {}", owner, properties.collections());
    }

    /**
     * A partial index per collection that holds only the documents with pending events, so that the
     * relay's query costs the same with ten or with a million finished documents stored (MongoDB
     * serves it, and so does the dev stack's stand-in). Without it the relay still works, only slower.
     */
    private void createPendingIndexes() {
        for (String collection : properties.collections()) {
            Index pending = new Index().on(OutboxEntry.LEASE_FIELD + ".until", Sort.Direction.ASC)
                    .partial(PartialIndexFilter.of(where(OutboxEntry.FIELD + ".0").exists(true)))
                    .named(PENDING_INDEX);
            try {
                mongo.indexOps(collection).createIndex(pending).block(INDEX_PATIENCE);
            } catch (RuntimeException e) {
                log.warn("Could not create the outbox index of {} (the relay works without it, only slower): {}",
                        collection, e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        // saves claim no more; what was handed over and not yet published is released, so that another
        // instance (or this one restarted) publishes it at once instead of after the lease
        handOver.relayWaiting(null);
        loop.stop();
        releaseHandedOver();
    }

    /** Gives back the documents handed over and not yet published (a stop); their entries stay. */
    private void releaseHandedOver() {
        for (OutboxHandOver.Claimed claimed : handOver.takeAll()) {
            try {
                mongo.updateFirst(new Query(where("_id").is(claimed.id()).and(OutboxEntry.LEASE_FIELD + ".owner").is(owner)),
                        new Update().unset(OutboxEntry.LEASE_FIELD), claimed.collection()).block(INDEX_PATIENCE);
            } catch (RuntimeException e) {
                // MongoDB away while stopping: the lease runs out and any relay takes the entries then
                log.info("Outbox of {} {} not released on stop ({}); its lease runs out", claimed.collection(),
                        claimed.id(), e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public int getPhase() {
        // after the Kafka producer and MongoDB client are up, stopped before they are
        return Integer.MAX_VALUE - 100;
    }
}
