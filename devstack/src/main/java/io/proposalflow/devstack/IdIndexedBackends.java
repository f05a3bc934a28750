package io.proposalflow.devstack;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The stand-in's two backends (memory and H2), with two differences that keep a query's cost
 * independent of the documents it cannot match, as MongoDB's indexes do.
 *
 * <p><b>A pinned {@code _id}.</b> mongo-java-server uses an index only when a query's fields are
 * exactly the index's fields, so {@code {_id: x, version: 3}} (every optimistic-locking save of Spring
 * Data) or {@code {_id: x, "lease.owner": y}} (the outbox relay) read and compared every document of the
 * collection: a write cost that grew with the data and was the larger part of the dev stack's CPU
 * (docs/performance.md). Here such a query reads the one document with that id and applies the whole
 * query to it, so its result is the same.
 *
 * <p><b>Partial indexes.</b> mongo-java-server 1.47 accepts {@code createIndexes} with a
 * {@code partialFilterExpression} and ignores the filter: a non-unique index becomes an empty
 * placeholder (it logs "adding secondary index ... is not yet implemented. ignoring") that no query
 * uses; a unique one becomes a unique index over every document, so creating it fails (E11000, "Index
 * build failed") when documents outside the filter share a key, and so do such inserts later. The
 * description is stored as sent, so {@code listIndexes} shows the filter. The pending-work queries (the
 * outbox relay's {@code {"outbox.0": {$exists: true}, ...}}, the dispatcher's
 * {@code {status: "PENDING", ...}}) therefore read every document, and a database holding old, finished
 * data slowed the pipeline down. Here an index with a filter is a {@link PartialIndex}: the positions of
 * the documents that match the filter (evaluated by mongo-java-server's own matcher), kept on every
 * insert, update and delete, built by one scan when created or when an H2 file is opened. A query
 * whose top-level conditions include every top-level condition of the filter, written identically (as
 * keys or inside a top-level {@code $and}), is matched against those documents only, in the order a
 * full scan reads them, so results, sort, limit and projection are the same. This serves find, count,
 * update, delete, findAndModify, distinct and an aggregate that starts with such a {@code $match} (the
 * driver's {@code countDocuments}). A non-unique one enforces nothing; a unique one keeps its keys
 * unique among the documents in the filter only, as MongoDB does.
 *
 * <p>A pinned {@code _id} wins over a partial index. {@code serverStatus.metrics.queryExecutor.scannedObjects}
 * counts the documents queries examined, as MongoDB's does.
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

    /**
     * The positions a query is matched against instead of the whole collection: the document of a
     * pinned {@code _id}, else the smallest partial index whose filter the query implies; null when
     * the collection's own planning applies. A reversed natural order is left to the full scan, whose
     * reversal the position paths do not repeat.
     */
    static <P> Iterable<P> positionsToMatch(List<Index<P>> indexes, Document query, Document orderBy) {
        Iterable<P> pinned = positionsOfPinnedId(indexes, query);
        if (pinned != null || naturalDescending(orderBy)) {
            return pinned;
        }
        return PartialIndex.smallestImpliedBy(indexes, query);
    }

    private static boolean naturalDescending(Document orderBy) {
        return orderBy != null && orderBy.get("$natural") instanceof Number order && order.intValue() == -1;
    }

    /**
     * The index description addIndex is creating, for openOrCreateSecondaryIndex and
     * openOrCreateUniqueIndex, which are given its name and keys only. Per thread, since
     * mongo-java-server opens a database's indexes in its constructor, before any field is assigned.
     */
    private static final ThreadLocal<Document> CREATING = new ThreadLocal<>();

    static void whileCreating(Document indexDescription, Runnable addIndex) {
        // nested: creating an index on a new collection first adds the collection's _id index
        Document outer = CREATING.get();
        CREATING.set(indexDescription);
        try {
            addIndex.run();
        } finally {
            CREATING.set(outer);
        }
    }

    /** The filter of the index {@code name} on {@code namespace}: from the description being created, else stored. */
    static Document partialFilter(Supplier<MongoCollection<?>> storedDescriptions, String namespace, String name) {
        Document creating = CREATING.get();
        if (creating != null && name.equals(creating.get("name"))) {
            return PartialIndex.partialFilterOf(creating);
        }
        for (Document stored : storedDescriptions.get().handleQuery(new Document("query",
                new Document("ns", namespace).append("name", name)), 0, 1)) {
            return PartialIndex.partialFilterOf(stored);
        }
        return null;
    }

    /**
     * An aggregate that starts with a {@code $match} implying a partial index's filter (the driver's
     * {@code countDocuments}), run over that index's documents. mongo-java-server feeds every
     * aggregate the whole collection and filters in the pipeline. The {@code $match} stays in the
     * pipeline, so the result is the same. Null when the database's own handling applies.
     */
    static Document aggregateOverPartialIndex(MongoDatabase database, String command, Document query,
            DatabaseResolver databaseResolver, Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate") || query.containsKey("explain")
                || !(query.get(command) instanceof String collectionName)
                || !(query.get("pipeline") instanceof List<?> pipeline) || pipeline.isEmpty()
                || !(pipeline.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null || PartialIndex.smallestImpliedBy(indexesOf(collection), match) == null) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, database, collection, oplog);
        aggregation.validate(query);
        // wrapped, so a field named "query" in the filter is not taken for the wrapper
        Iterable<Document> matched = collection.handleQuery(new Document("query", match), 0, 0);
        List<Document> result = aggregation.runStages(StreamSupport.stream(matched.spliterator(), false));
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + collectionName)
                .append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @SuppressWarnings("unchecked")
    private static List<Index<Object>> indexesOf(MongoCollection<?> collection) {
        return ((MongoCollection<Object>) collection).getIndexes();
    }

    /** {@code serverStatus.metrics.queryExecutor.scannedObjects}, as MongoDB reports the documents its queries examined. */
    private static Document withScannedObjects(Document status, LongAdder scannedObjects) {
        Document metrics = status.get("metrics") instanceof Document existing ? existing : new Document();
        metrics.put("queryExecutor", new Document("scannedObjects", scannedObjects.sum()));
        status.put("metrics", metrics);
        return status;
    }

    private static final class Memory extends MemoryBackend {

        private final LongAdder scannedObjects = new LongAdder();

        @Override
        public Document getServerStatus() {
            return withScannedObjects(super.getServerStatus(), scannedObjects);
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {

                @Override
                protected void addIndex(Document indexDescription) {
                    whileCreating(indexDescription, () -> super.addIndex(indexDescription));
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    Index<Integer> partial = partialIndex(collectionName, indexName, keys, false);
                    return partial != null ? partial
                            : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    Index<Integer> partial = partialIndex(collectionName, indexName, keys, true);
                    return partial != null ? partial
                            : super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                }

                private Index<Integer> partialIndex(String collectionName, String indexName, List<IndexKey> keys,
                        boolean unique) {
                    Document filter = partialFilter(this::getOrCreateIndexesCollection,
                            getFullCollectionNamespace(collectionName), indexName);
                    // positions are the indexes in the document list, which a full scan reads in order
                    return filter == null ? null
                            : new PartialIndex<>(indexName, keys, filter, unique, Comparator.<Integer>naturalOrder());
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query,
                        DatabaseResolver databaseResolver, Oplog oplog) {
                    Document served = aggregateOverPartialIndex(this, command, query, databaseResolver, oplog);
                    return served != null ? served : super.handleCommand(channel, command, query, databaseResolver, oplog);
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip,
                                int limit, int batchSize, Document fieldSelector) {
                            Iterable<Integer> positions = positionsToMatch(getIndexes(), query, orderBy);
                            return positions == null
                                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }

                        @Override
                        protected boolean documentMatchesQuery(Document document, Document query) {
                            scannedObjects.increment();
                            return super.documentMatchesQuery(document, query);
                        }

                        @Override
                        public synchronized void addIndex(Index<Integer> index) {
                            buildIfNew(this, index, this::streamAllDocumentsWithPosition);
                            super.addIndex(index);
                        }

                        @Override
                        public synchronized void dropIndex(String indexName) {
                            super.dropIndex(indexName);
                        }

                        @Override
                        public synchronized int count(Document query, int skip, int limit) {
                            return super.count(query, skip, limit);
                        }
                    };
                }
            };
        }
    }

    private static final class H2 extends H2Backend {

        /** no initializer: H2Backend's constructor already opens the file's databases, which count */
        private LongAdder scannedObjects;

        H2(String file) {
            super(file);
            scanned();
        }

        private LongAdder scanned() {
            if (scannedObjects == null) {
                scannedObjects = new LongAdder();
            }
            return scannedObjects;
        }

        @Override
        public Document getServerStatus() {
            return withScannedObjects(super.getServerStatus(), scanned());
        }

        @Override
        protected H2Database openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

                @Override
                protected void addIndex(Document indexDescription) {
                    whileCreating(indexDescription, () -> super.addIndex(indexDescription));
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    Index<Object> partial = partialIndex(collectionName, indexName, keys, false);
                    return partial != null ? partial
                            : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    Index<Object> partial = partialIndex(collectionName, indexName, keys, true);
                    return partial != null ? partial
                            : super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                }

                private Index<Object> partialIndex(String collectionName, String indexName, List<IndexKey> keys,
                        boolean unique) {
                    String namespace = getFullCollectionNamespace(collectionName);
                    Document filter = partialFilter(this::getOrCreateIndexesCollection, namespace, indexName);
                    // positions are the data map's keys, which a full scan reads in the map's key order
                    return filter == null ? null : new PartialIndex<>(indexName, keys, filter, unique,
                            getMvStore().<Object, Object>openMap("databases." + namespace).getKeyType());
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query,
                        DatabaseResolver databaseResolver, Oplog oplog) {
                    Document served = aggregateOverPartialIndex(this, command, query, databaseResolver, oplog);
                    return served != null ? served : super.handleCommand(channel, command, query, databaseResolver, oplog);
                }

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
                            Iterable<Object> positions = positionsToMatch(getIndexes(), query, orderBy);
                            return positions == null
                                    ? super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }

                        @Override
                        protected boolean documentMatchesQuery(Document document, Document query) {
                            scanned().increment();
                            return super.documentMatchesQuery(document, query);
                        }

                        @Override
                        public synchronized void addIndex(Index<Object> index) {
                            buildIfNew(this, index, this::streamAllDocumentsWithPosition);
                            super.addIndex(index);
                        }

                        @Override
                        public synchronized void dropIndex(String indexName) {
                            super.dropIndex(indexName);
                        }

                        @Override
                        public synchronized int count(Document query, int skip, int limit) {
                            return super.count(query, skip, limit);
                        }
                    };
                }
            };
        }
    }

    /**
     * Builds a partial index the collection does not have yet by one pass over its documents (on
     * createIndexes, and for every partial index when an H2 file is opened). mongo-java-server's own
     * build reads the collection twice; an index already there (a service creating its indexes again
     * at startup) is not built at all.
     */
    private static <P> void buildIfNew(MongoCollection<P> collection, Index<P> index,
            Supplier<Stream<DocumentWithPosition<P>>> documents) {
        if (index instanceof PartialIndex<P> partial
                && collection.getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()))) {
            partial.build(documents.get(), collection);
        }
    }
}
