package io.proposalflow.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Transient;

import org.springframework.data.annotation.Version;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.EventEnvelope;
import io.proposalflow.platform.outbox.OutboxEntry;
import io.proposalflow.platform.outbox.OutboxHandOver;

/**
 * Base of every MongoDB document that holds an aggregate. The aggregate's state, the events
 * announcing its changes (the outbox) and the ids of the events it has consumed live in the
 * same document, so one single-document write covers all three: MongoDB needs no
 * multi-document transaction for "change + event" or for "effect + remember it was done".
 */
public abstract class AggregateDocument {

    /** How many consumed event ids a document remembers; older ids fall off the end. */
    public static final int CONSUMED_EVENT_MEMORY = 500;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    private List<String> consumedEventIds = new ArrayList<>();

    /** Outbox entries enqueued since this document was loaded (or last saved): what a save appends. */
    @Transient
    private List<OutboxEntry> unsaved = new ArrayList<>();

    /** Set by the template's single inserts: only they hand a claim over (see AggregateMongoTemplate). */
    @Transient
    private boolean insertMayClaim;

    /** What an insert claimed for this instance's relay (see AggregateMongoTemplate); not stored. */
    @Transient
    private OutboxHandOver.Claimed claimedOnWrite;

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public List<OutboxEntry> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEntry> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    public List<String> getConsumedEventIds() {
        return consumedEventIds;
    }

    public void setConsumedEventIds(List<String> consumedEventIds) {
        this.consumedEventIds = consumedEventIds == null ? new ArrayList<>() : new ArrayList<>(consumedEventIds);
    }

    /** Queues an event to be published once this document is saved. */
    public void enqueue(EventEnvelope event, EventCodec codec) {
        OutboxEntry entry = OutboxEntry.of(event, codec);
        outbox.add(entry);
        unsaved.add(entry);
    }

    /** The entries a save must append (see AggregateMongoTemplate). */
    public List<OutboxEntry> unsavedOutboxEntries() {
        return List.copyOf(unsaved);
    }

    /** Called once a save has written the unsaved entries. */
    public void outboxEntriesSaved() {
        unsaved.clear();
    }

    void allowClaimOnInsert() {
        insertMayClaim = true;
    }

    /** Whether this insert may claim its outbox; asked once per insert. */
    boolean takeInsertMayClaim() {
        boolean may = insertMayClaim;
        insertMayClaim = false;
        return may;
    }

    /** Set while an insert that claimed its outbox is written; handed to the relay once it is. */
    void claimedOnWrite(OutboxHandOver.Claimed claimed) {
        this.claimedOnWrite = claimed;
    }

    OutboxHandOver.Claimed takeClaimedOnWrite() {
        OutboxHandOver.Claimed claimed = claimedOnWrite;
        claimedOnWrite = null;
        return claimed;
    }

    public boolean hasConsumed(String eventId) {
        return consumedEventIds.contains(eventId);
    }

    /** Remembers an event as done; saved together with the effect it had. */
    public void markConsumed(String eventId) {
        if (!hasConsumed(eventId)) {
            consumedEventIds.add(eventId);
            if (consumedEventIds.size() > CONSUMED_EVENT_MEMORY) {
                consumedEventIds.subList(0, consumedEventIds.size() - CONSUMED_EVENT_MEMORY).clear();
            }
        }
    }
}
