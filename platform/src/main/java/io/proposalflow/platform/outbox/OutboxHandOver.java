package io.proposalflow.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;

/**
 * The outbox claimed by the write that fills it: where a save appends events to an outbox that was
 * empty, the same write also sets this instance's relay lease, and the saved entries are handed to
 * that relay in memory. The relay then publishes them and releases the document (one write), instead
 * of first finding the document by a query and claiming it (a second write per event).
 *
 * <p>Nothing is lost when the hand-over is: the entries are in the document, and once the lease runs
 * out ({@code outbox.lease}, 30 s by default) any relay claims them the usual way. That is what
 * happens after a crash between the save and the publish; a relay that stops releases what it was
 * handed and had not published yet, so that they do not wait for the lease.
 *
 * <p>Only an outbox that was empty when the aggregate was loaded is claimed by the save. A document
 * with older entries may be held by another relay, whose lease a save must not take over (it would
 * publish the same entries side by side); its new entries go the usual way. Since the save is
 * conditional on the version and every write that fills an outbox raises it, an outbox that was empty
 * at the load is still empty, and without a lease, when the save is applied.
 */
public final class OutboxHandOver {

    /** What a save claimed: the document's id and the entries it appended. */
    public record Claimed(String collection, Object id, List<OutboxEntry> entries) {
        public Claimed {
            entries = List.copyOf(entries);
        }
    }

    private final String owner = "relay-" + UUID.randomUUID();
    private final Set<String> collections;
    private final Duration lease;
    private final Clock clock;
    private final Queue<Claimed> claimed = new ConcurrentLinkedQueue<>();
    private volatile Runnable relayWaiting;

    public OutboxHandOver(OutboxProperties properties, Clock clock) {
        this.collections = Set.copyOf(properties.collections());
        this.lease = properties.lease();
        this.clock = clock;
    }

    /** The lease owner of this instance's relay. */
    String owner() {
        return owner;
    }

    /** Whether a save to the collection should claim its outbox: only while this instance's relay runs. */
    public boolean takes(String collection) {
        return relayWaiting != null && collections.contains(collection);
    }

    /** The lease a claiming save writes into {@link OutboxEntry#LEASE_FIELD}. */
    public Document lease() {
        return new Document("owner", owner).append("until", Date.from(clock.instant().plus(lease)));
    }

    /** Called once the claiming write is applied; wakes the relay. */
    public void claimed(Claimed entries) {
        claimed.add(entries);
        Runnable relay = relayWaiting;
        if (relay != null) {
            relay.run();
        }
    }

    /** Everything handed over since the last call, in the order of the writes. */
    List<Claimed> takeAll() {
        List<Claimed> all = new ArrayList<>();
        for (Claimed next = claimed.poll(); next != null; next = claimed.poll()) {
            all.add(next);
        }
        return all;
    }

    /** The relay is running and wants to be woken with {@code wakeUp}; {@code null} once it stopped. */
    void relayWaiting(Runnable wakeUp) {
        this.relayWaiting = wakeUp;
    }
}
