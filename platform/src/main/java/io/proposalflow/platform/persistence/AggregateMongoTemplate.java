package io.proposalflow.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.proposalflow.platform.outbox.OutboxEntry;
import io.proposalflow.platform.outbox.OutboxHandOver;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The services' MongoDB template. It saves an existing aggregate as one conditional update instead
 * of replacing the whole document: every mapped field is set (or unset when null), the version is
 * raised, and only the outbox entries enqueued since the aggregate was loaded are appended. Two
 * things a replacement would do wrong are so avoided:
 * <ul>
 *   <li>write back outbox entries the relay has published (and removed) since the load, which were
 *       then published a second time;</li>
 *   <li>wipe the relay's lease, which lives in the document but not in the aggregate, so that a
 *       second relay instance could claim and publish the same document.</li>
 * </ul>
 * The write is still guarded by the version, as Spring Data's versioned save is, so a concurrent
 * change fails with {@link OptimisticLockingFailureException}. New documents are inserted as usual.
 */
public class AggregateMongoTemplate extends ReactiveMongoTemplate {

    private volatile OutboxHandOver handOver;

    public AggregateMongoTemplate(ReactiveMongoDatabaseFactory factory, MongoConverter converter) {
        super(factory, converter);
    }

    /**
     * Lets a write that fills an empty outbox claim it for this instance's relay and hand the entries
     * over ({@link OutboxHandOver}); without one, the relay finds them by its query.
     */
    public void setOutboxHandOver(OutboxHandOver handOver) {
        this.handOver = handOver;
    }

    @Override
    public <T> Mono<T> save(T objectToSave) {
        return save(objectToSave, getCollectionName(objectToSave.getClass()));
    }

    @Override
    public <T> Mono<T> save(T objectToSave, String collectionName) {
        if (objectToSave instanceof AggregateDocument aggregate && aggregate.getVersion() != null) {
            return Mono.defer(() -> update(aggregate, collectionName)).thenReturn(objectToSave);
        }
        return super.save(mayClaim(objectToSave), collectionName).doOnNext(this::entriesWritten);
    }

    @Override
    public <T> Mono<T> insert(T objectToSave) {
        return super.insert(mayClaim(objectToSave)).doOnNext(this::entriesWritten);
    }

    @Override
    public <T> Mono<T> insert(T objectToSave, String collectionName) {
        return super.insert(mayClaim(objectToSave), collectionName).doOnNext(this::entriesWritten);
    }

    /** Only the single inserts above hand their claim over, so only they may claim (not a batch insert). */
    private static <T> T mayClaim(T objectToSave) {
        if (objectToSave instanceof AggregateDocument aggregate) {
            aggregate.allowClaimOnInsert();
        }
        return objectToSave;
    }

    /**
     * A new aggregate with events is inserted with the relay's lease in it: the insert claims its outbox
     * ({@link OutboxHandOver}). Spring Data calls this with the document it is about to insert.
     */
    @Override
    protected <T> Mono<T> maybeCallBeforeSave(T object, Document document, String collection) {
        if (object instanceof AggregateDocument aggregate && aggregate.takeInsertMayClaim()
                && claimsOnWrite(aggregate, collection)) {
            document.put(OutboxEntry.LEASE_FIELD, handOver.lease());
            aggregate.claimedOnWrite(new OutboxHandOver.Claimed(collection, document.get("_id"),
                    aggregate.unsavedOutboxEntries()));
        }
        return super.maybeCallBeforeSave(object, document, collection);
    }

    /** Whether this write fills an outbox that was empty (see {@link OutboxHandOver}) for a running relay. */
    private boolean claimsOnWrite(AggregateDocument aggregate, String collection) {
        OutboxHandOver relay = handOver;
        List<OutboxEntry> fresh = aggregate.unsavedOutboxEntries();
        return relay != null && !fresh.isEmpty() && aggregate.getOutbox().size() == fresh.size()
                && relay.takes(collection);
    }

    /** A new document was written whole, its outbox included: nothing left for a later save to append. */
    private void entriesWritten(Object saved) {
        if (saved instanceof AggregateDocument aggregate) {
            aggregate.outboxEntriesSaved();
            handOverClaimed(aggregate);
        }
    }

    private void handOverClaimed(AggregateDocument aggregate) {
        OutboxHandOver.Claimed claimed = aggregate.takeClaimedOnWrite();
        if (claimed != null) {
            handOver.claimed(claimed);
        }
    }

    /** Every top-level field the entity maps, the fields of its unwrapped properties included. */
    private List<String> mappedFields(MongoPersistentEntity<?> entity) {
        List<String> names = new ArrayList<>();
        for (MongoPersistentProperty property : entity) {
            if (property.isUnwrapped()) {
                names.addAll(mappedFields(getConverter().getMappingContext().getRequiredPersistentEntity(property)));
            } else {
                names.add(property.getFieldName());
            }
        }
        return names;
    }

    private Mono<Void> update(AggregateDocument aggregate, String collectionName) {
        MongoPersistentEntity<?> entity = getConverter().getMappingContext()
                .getRequiredPersistentEntity(aggregate.getClass());
        Document fields = new Document();
        getConverter().write(aggregate, fields);
        Object id = fields.remove("_id");
        String versionField = entity.getRequiredVersionProperty().getFieldName();
        fields.remove(versionField);
        fields.remove(OutboxEntry.FIELD);
        Update update = new Update();
        fields.forEach(update::set);
        // a property that became null is absent from the written fields and must be removed, also
        // one inside an @Unwrapped property (its fields are top-level fields of the document)
        for (String field : mappedFields(entity)) {
            if (!fields.containsKey(field) && !field.equals(versionField) && !OutboxEntry.FIELD.equals(field)
                    && !"_id".equals(field)) {
                update.unset(field);
            }
        }
        long version = aggregate.getVersion();
        update.inc(versionField, 1);
        List<OutboxEntry> fresh = aggregate.unsavedOutboxEntries();
        if (!fresh.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(fresh.stream().map(getConverter()::convertToMongoType).toArray());
        }
        boolean claims = claimsOnWrite(aggregate, collectionName);
        if (claims) {
            update.set(OutboxEntry.LEASE_FIELD, handOver.lease());
        }
        Query current = Query.query(where("_id").is(id).and(versionField).is(version));
        return updateFirst(current, update, collectionName).flatMap(result -> {
            if (result.getMatchedCount() == 0) {
                return Mono.error(new OptimisticLockingFailureException("Cannot save " + aggregate.getClass().getSimpleName()
                        + " " + id + ": it is no longer at version " + version + " (changed by someone else)"));
            }
            aggregate.setVersion(version + 1);
            aggregate.outboxEntriesSaved();
            if (claims) {
                handOver.claimed(new OutboxHandOver.Claimed(collectionName, id, fresh));
            }
            maybeEmitEvent(new AfterSaveEvent<>(aggregate, fields, collectionName));
            return Mono.empty();
        });
    }
}
