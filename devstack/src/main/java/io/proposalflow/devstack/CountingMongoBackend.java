package io.proposalflow.devstack;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Counts operations the way MongoDB's {@code serverStatus.opcounters} does (inserts and updates
 * per document or statement, everything else per command), which the stand-in does not. The
 * benchmark reads them to know how many writes the pipeline needs per proposal; tools that read
 * a real server's opcounters work here too.
 *
 * <p>The writes are also counted per database, collection and kind of write, under
 * {@code serverStatus.writesByCollection.<database>.<collection>.<kind>} (not a MongoDB field):
 * {@code insert}, {@code delete}, and for updates and findAndModify the operators they use, e.g.
 * {@code update $set}, {@code update $pull}, {@code update replace},
 * {@code findAndModify $set upsert}, so the benchmark can say where a proposal's writes go.
 */
final class CountingMongoBackend implements MongoBackend {

    private final MongoBackend delegate;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    /** database -> collection -> kind of write -> count */
    private final Map<String, Map<String, Map<String, LongAdder>>> writes = new ConcurrentHashMap<>();

    CountingMongoBackend(MongoBackend delegate) {
        this.delegate = delegate;
        // findAndModify is a write MongoDB counts only as a command; kept apart here so a reader
        // that wants every write can add it (the benchmark does)
        for (String name : List.of("insert", "query", "update", "delete", "getmore", "command", "findAndModify")) {
            counters.put(name, new LongAdder());
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document document = message.getDocument();
        String command = document.keySet().iterator().next();
        count(command, document);
        countWrites(String.valueOf(document.get("$db")), command, document);
        if (command.equalsIgnoreCase("serverStatus")) {
            return withOpcounters(delegate.getServerStatus());
        }
        return delegate.handleMessage(message);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        count(command, query);
        countWrites(database, command, query);
        if (command.equalsIgnoreCase("serverStatus")) {
            return withOpcounters(delegate.getServerStatus());
        }
        return delegate.handleCommand(channel, database, command, query);
    }

    @Override
    public Document getServerStatus() {
        return withOpcounters(delegate.getServerStatus());
    }

    private void count(String command, Document body) {
        switch (command.toLowerCase(Locale.ROOT)) {
            case "insert" -> counters.get("insert").add(size(body.get("documents")));
            case "update" -> counters.get("update").add(size(body.get("updates")));
            case "delete" -> counters.get("delete").add(size(body.get("deletes")));
            case "find" -> counters.get("query").increment();
            case "getmore" -> counters.get("getmore").increment();
            case "findandmodify" -> {
                counters.get("command").increment();
                counters.get("findAndModify").increment();
            }
            default -> counters.get("command").increment();
        }
    }

    private void countWrites(String database, String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!List.of("insert", "update", "delete", "findandmodify").contains(name)) {
            return;
        }
        Map<String, LongAdder> kinds = writes.computeIfAbsent(database, d -> new ConcurrentHashMap<>())
                .computeIfAbsent(String.valueOf(body.get(command)), c -> new ConcurrentHashMap<>());
        switch (name) {
            case "insert" -> kinds.computeIfAbsent("insert", k -> new LongAdder()).add(size(body.get("documents")));
            case "delete" -> kinds.computeIfAbsent("delete", k -> new LongAdder()).add(size(body.get("deletes")));
            case "update" -> {
                if (body.get("updates") instanceof Collection<?> statements) {
                    for (Object statement : statements) {
                        Document s = statement instanceof Document d ? d : new Document();
                        kinds.computeIfAbsent(kind("update", s.get("u"), s.get("upsert")), k -> new LongAdder())
                                .increment();
                    }
                } else {
                    kinds.computeIfAbsent("update", k -> new LongAdder()).increment();
                }
            }
            default -> kinds.computeIfAbsent(Boolean.TRUE.equals(body.get("remove")) ? "findAndModify remove"
                    : kind("findAndModify", body.get("update"), body.get("upsert")), k -> new LongAdder()).increment();
        }
    }

    /** e.g. {@code update $pull,$set upsert}: the update operators used, or replace (a whole document). */
    private static String kind(String write, Object update, Object upsert) {
        String shape;
        if (update instanceof Document u) {
            List<String> operators = u.keySet().stream().filter(k -> k.startsWith("$")).sorted().toList();
            shape = operators.isEmpty() ? "replace" : String.join(",", operators);
        } else if (update instanceof Collection<?>) {
            shape = "pipeline";
        } else {
            shape = "?";
        }
        return write + " " + shape + (Boolean.TRUE.equals(upsert) ? " upsert" : "");
    }

    private static long size(Object list) {
        return list instanceof Collection<?> c ? c.size() : 1;
    }

    private Document withOpcounters(Document status) {
        Document opcounters = new Document();
        counters.forEach((name, value) -> opcounters.put(name, value.sum()));
        status.put("opcounters", opcounters);
        Document byDatabase = new Document();
        writes.forEach((database, collections) -> {
            Document byCollection = new Document();
            collections.forEach((collection, kinds) -> {
                Document byKind = new Document();
                kinds.forEach((kind, value) -> byKind.put(kind, value.sum()));
                byCollection.put(collection, byKind);
            });
            byDatabase.put(database, byCollection);
        });
        status.put("writesByCollection", byDatabase);
        status.put("ok", 1.0);
        return status;
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        delegate.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
