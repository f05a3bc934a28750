package io.proposalflow.devstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The stand-in's two backends, with one difference: a query that names one {@code _id} finds its
 * document through the {@code _id} index, as MongoDB does, even when it has further conditions.
 *
 * <p>mongo-java-server uses an index only when a query's fields are exactly the index's fields, so
 * {@code {_id: x, version: 3}} (every optimistic-locking save of Spring Data) or
 * {@code {_id: x, "lease.owner": y}} (the outbox relay) read and compared every document of the
 * collection: a write cost that grew with the data and was the larger part of the dev stack's CPU
 * (docs/performance.md). Here such a query reads the one document with that id and applies the whole
 * query to it, so its result is the same.
 */
final class IdIndexedBackends {

    private IdIndexedBackends() {
    }

    static MongoBackend inMemory() {
        return new Memory();
    }

    static MongoBackend persistent(String h2File) {
        return new H2(h2File);
    }

    /**
     * Positions of the documents a query can match when it pins {@code _id} to one value besides
     * other conditions, at its top level or as one of the conditions of a top-level {@code $and};
     * {@code null} when the collection's own planning applies (no such pin, or a query on
     * {@code _id} alone, which the index already serves).
     */
    static <P> Iterable<P> positionsOfPinnedId(List<Index<P>> indexes, Document query) {
        if (query.size() == 1 && query.containsKey("_id")) {
            return null;
        }
        Object id = pinnedId(query);
        if (id == null) {
            return null;
        }
        Document byId = new Document("_id", id);
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    private static Object pinnedId(Document query) {
        Object id = plainValue(query.get("_id"));
        if (id == null && query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document && (id = plainValue(document.get("_id"))) != null) {
                    break;
                }
            }
        }
        return id;
    }

    /** The value itself when it is one value to equal, not an operator expression or missing. */
    private static Object plainValue(Object value) {
        return value == null || value instanceof Missing || isOperatorExpression(value) ? null : value;
    }

    private static boolean isOperatorExpression(Object value) {
        return value instanceof Document document
                && document.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    private static final class Memory extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
                                int limit, int batchSize, Document fieldSelector) {
                            Iterable<Integer> pinned = positionsOfPinnedId(getIndexes(), query);
                            return pinned == null
                                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, pinned, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    };
                }
            };
        }
    }

    private static final class H2 extends H2Backend {

        H2(String file) {
            super(file);
        }

        @Override
        protected H2Database openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected H2Collection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    // the map names H2Database itself uses, so existing data files open unchanged
                    String namespace = getFullCollectionNamespace(collectionName);
                    return new H2Collection(this, collectionName, options,
                            getMvStore().openMap("databases." + namespace), getMvStore().openMap("meta." + namespace),
                            cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
                                int limit, int batchSize, Document fieldSelector) {
                            Iterable<Object> pinned = positionsOfPinnedId(getIndexes(), query);
                            return pinned == null
                                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, pinned, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    };
                }
            };
        }
    }
}
