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

    public AggregateMongoTemplate(ReactiveMongoDatabaseFactory factory, MongoConverter converter) {
        super(factory, converter);
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
        return super.save(objectToSave, collectionName).doOnNext(AggregateMongoTemplate::entriesWritten);
    }

    @Override
    public <T> Mono<T> insert(T objectToSave) {
        return super.insert(objectToSave).doOnNext(AggregateMongoTemplate::entriesWritten);
    }

    @Override
    public <T> Mono<T> insert(T objectToSave, String collectionName) {
        return super.insert(objectToSave, collectionName).doOnNext(AggregateMongoTemplate::entriesWritten);
    }

    /** A new document was written whole, its outbox included: nothing left for a later save to append. */
    private static void entriesWritten(Object saved) {
        if (saved instanceof AggregateDocument aggregate) {
            aggregate.outboxEntriesSaved();
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
        Query current = Query.query(where("_id").is(id).and(versionField).is(version));
        return updateFirst(current, update, collectionName).flatMap(result -> {
            if (result.getMatchedCount() == 0) {
                return Mono.error(new OptimisticLockingFailureException("Cannot save " + aggregate.getClass().getSimpleName()
                        + " " + id + ": it is no longer at version " + version + " (changed by someone else)"));
            }
            aggregate.setVersion(version + 1);
            aggregate.outboxEntriesSaved();
            maybeEmitEvent(new AfterSaveEvent<>(aggregate, fields, collectionName));
            return Mono.empty();
        });
    }
}
