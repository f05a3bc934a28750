package io.proposalflow.devstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * An index with a {@code partialFilterExpression}: the positions of the documents that match the
 * filter, in the order a full scan of the collection reads them, so a query matched against them
 * returns what a full scan would. It never answers a query by itself ({@link #canHandle} is false):
 * the collection asks {@link #smallestImpliedBy} and matches the whole query against the positions, as
 * MongoDB uses a partial index only for queries that imply its filter. A non-unique one enforces
 * nothing; a unique one, as in MongoDB, keeps its keys unique among the documents in the filter only.
 *
 * <p>All changes arrive under the collection's lock (its write methods are synchronized); the sets
 * are concurrent ones because mongo-java-server reads some paths without it.
 */
final class PartialIndex<P> extends Index<P> {

    private static final Logger LOG = LoggerFactory.getLogger(PartialIndex.class);

    private final Document filter;
    private final List<Condition> filterConditions;
    private final QueryMatcher matcher = new DefaultQueryMatcher();
    private final NavigableSet<P> positions;
    /** _id -> position, for {@link #remove}, which is given the document only */
    private final Map<Object, P> positionsById = new ConcurrentHashMap<>();
    private final boolean unique;
    /** key -> position of the documents in the filter, kept only for a unique index */
    private final Map<KeyValue, P> positionsByKey = new ConcurrentHashMap<>();
    private volatile boolean built;
    /** false once the filter could not be evaluated: then no query uses the index */
    private volatile boolean usable = true;

    /**
     * @param order the order in which the collection's full scan reads positions (memory: the list
     *              index; H2: the data map's key order)
     */
    PartialIndex(String name, List<IndexKey> keys, Document filter, boolean unique, Comparator<? super P> order) {
        super(name, keys, false);
        this.unique = unique;
        this.filter = filter;
        this.filterConditions = conditions(filter);
        this.positions = new ConcurrentSkipListSet<>(order);
    }

    /** The filter of an index description, or null when it has none. */
    static Document partialFilterOf(Document description) {
        return description != null && description.get("partialFilterExpression") instanceof Document filter
                ? filter : null;
    }

    /**
     * The positions of the partial index with the fewest documents whose filter the query implies,
     * or null when none does.
     */
    static <P> NavigableSet<P> smallestImpliedBy(List<Index<P>> indexes, Document query) {
        List<Condition> queryConditions = null;
        NavigableSet<P> smallest = null;
        for (Index<P> index : indexes) {
            if (index instanceof PartialIndex<P> partial && partial.usable) {
                if (queryConditions == null) {
                    queryConditions = conditions(query);
                }
                if (queryConditions.containsAll(partial.filterConditions)
                        && (smallest == null || partial.positions.size() < smallest.size())) {
                    smallest = partial.positions;
                }
            }
        }
        return smallest;
    }

    /** Fills the index by one pass over the collection's documents. */
    void build(Stream<DocumentWithPosition<P>> documents, MongoCollection<P> collection) {
        try {
            documents.forEach(document -> {
                checkAdd(document.getDocument(), collection);
                add(document.getDocument(), document.getPosition(), collection);
            });
        } catch (MongoServerError e) {
            drop();
            throw new IndexBuildFailedException(e, collection);
        }
        built = true;
    }

    @Override
    public boolean isEmpty() {
        // read by the collection's addIndex: an index that is not built yet is built there
        return !built && positions.isEmpty();
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (matches(document)) {
            Object id = document.get("_id");
            if (id == null || position == null) {
                disable("a document without _id or position");
                return;
            }
            positionsById.put(id, position);
            positions.add(position);
            if (unique) {
                getKeyValues(document).forEach(key -> positionsByKey.put(key, position));
            }
        }
    }

    @Override
    public P remove(Document document) {
        Object id = document.get("_id");
        P position = id == null ? null : positionsById.remove(id);
        if (position != null) {
            positions.remove(position);
            if (unique) {
                getKeyValues(document).forEach(key -> positionsByKey.remove(key, position));
            }
        }
        // null either way: the _id index names the position, and null is allowed for a sparse index
        return null;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        // a document enters or leaves the set when the update changes what the filter sees
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    private boolean matches(Document document) {
        if (!usable) {
            return false;
        }
        try {
            return matcher.matches(document, filter);
        } catch (RuntimeException e) {
            disable("the filter " + filter + " cannot be evaluated: " + e.getMessage());
            return false;
        }
    }

    private void disable(String reason) {
        if (usable) {
            LOG.warn("partial index {} is no longer used for queries: {}", getName(), reason);
        }
        usable = false;
        positions.clear();
        positionsById.clear();
        positionsByKey.clear();
    }

    /** Removing a document that is not in the set is fine: the collection tolerates null for sparse indexes. */
    @Override
    protected boolean isSparse() {
        return true;
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return other instanceof PartialIndex<?> partial && partial.unique == unique
                && conditions(partial.filter).equals(filterConditions);
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    @Override
    public Document toIndexDescription() {
        Document description = super.toIndexDescription();
        description.remove("sparse");
        description.put("partialFilterExpression", filter);
        return description;
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        if (unique && matches(document)) {
            for (KeyValue key : getKeyValues(document)) {
                if (positionsByKey.containsKey(key)) {
                    throw new DuplicateKeyError(this, collection, getKeys(), key);
                }
            }
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        if (unique && matches(newDocument)) {
            Object id = oldDocument.get("_id");
            P own = id == null ? null : positionsById.get(id);
            for (KeyValue key : getKeyValues(newDocument)) {
                P holder = positionsByKey.get(key);
                if (holder != null && !holder.equals(own)) {
                    throw new DuplicateKeyError(this, collection, getKeys(), key);
                }
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("chosen by smallestImpliedBy, not by canHandle");
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        positions.clear();
        positionsById.clear();
        positionsByKey.clear();
    }

    /** Whether every top-level condition of {@code filter} is one of {@code query}'s. */
    static boolean implies(Document query, Document filter) {
        return conditions(query).containsAll(conditions(filter));
    }

    /**
     * The conditions a query ANDs at its top level: each of its keys, and the keys of the elements
     * of a top-level {@code $and} (recursively). {@code {k: {$eq: v}}} counts as {@code {k: v}} for a
     * plain value v (not a document, list or pattern), as both match the same documents.
     */
    static List<Condition> conditions(Document query) {
        List<Condition> conditions = new ArrayList<>();
        query.forEach((key, value) -> {
            if (key.equals("$and") && value instanceof List<?> elements
                    && elements.stream().allMatch(Document.class::isInstance)) {
                elements.forEach(element -> conditions.addAll(conditions((Document) element)));
            } else if (!key.startsWith("$") && value instanceof Document operator && operator.size() == 1
                    && isPlainValue(operator.get("$eq"))) {
                conditions.add(new Condition(key, operator.get("$eq")));
            } else {
                conditions.add(new Condition(key, value));
            }
        });
        return conditions;
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID;
    }

    /**
     * One top-level condition. Two are equal only when they are written identically, field order and
     * number types included ({@code {a: 1}} and {@code {a: 1.0}} differ): a condition that means the same
     * but is written differently only costs the index, never a wrong result.
     */
    record Condition(String key, Object value) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Condition condition && key.equals(condition.key) && identical(value, condition.value);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }

        private static boolean identical(Object a, Object b) {
            if (a instanceof Document x && b instanceof Document y) {
                return x.size() == y.size() && identicalInOrder(x.keySet().iterator(), y.keySet().iterator())
                        && x.keySet().stream().allMatch(key -> identical(x.get(key), y.get(key)));
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!identical(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a == null ? b == null : b != null && a.getClass() == b.getClass() && Objects.equals(a, b);
        }

        private static boolean identicalInOrder(Iterator<String> a, Iterator<String> b) {
            while (a.hasNext()) {
                if (!a.next().equals(b.next())) {
                    return false;
                }
            }
            return true;
        }
    }
}
