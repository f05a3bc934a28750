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
 */
final class CountingMongoBackend implements MongoBackend {

    private final MongoBackend delegate;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

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
        if (command.equalsIgnoreCase("serverStatus")) {
            return withOpcounters(delegate.getServerStatus());
        }
        return delegate.handleMessage(message);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        count(command, query);
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

    private static long size(Object list) {
        return list instanceof Collection<?> c ? c.size() : 1;
    }

    private Document withOpcounters(Document status) {
        Document opcounters = new Document();
        counters.forEach((name, value) -> opcounters.put(name, value.sum()));
        status.put("opcounters", opcounters);
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
