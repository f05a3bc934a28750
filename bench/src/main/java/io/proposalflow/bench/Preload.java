package io.proposalflow.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import io.proposalflow.launcher.ApiClient;

/**
 * {@code --preload N}: the system holds N finished proposals before the benchmark measures.
 *
 * <p>One proposal goes all the way through the pipeline (submitted, reviewed, approved, its mails
 * sent); every document the three services stored for it, in every collection, is the template.
 * Then N copies of those documents are inserted directly, each copy with fresh ids: every UUID in
 * a document (inside strings too, e.g. {@code rc-<uuid>}), every ObjectId and every binary UUID is
 * replaced, the same way within one copy, so the copies refer to each other as the original's
 * documents do. Documents whose id holds none of those (one per reviewer or partner, not per
 * proposal) are not copied. Through the API the same N proposals would take N / throughput
 * seconds (about 18 minutes for 10,000 at 9 proposals/s, on a quiet machine) and be a benchmark
 * run of their own; the copies take seconds to a minute and are shaped exactly as the services
 * store a finished proposal. What they lack: their events are not in the topics (the services'
 * consumers start from their committed offsets, so that is only the topics' size).
 */
final class Preload {

    record Result(long proposals, Map<String, Integer> documentsPerProposal, List<String> notCopied,
                  long documents, double seconds) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("finished_proposals_stored", proposals);
            json.put("method", "copies of one finished proposal's documents, inserted directly, fresh ids");
            json.put("documents_per_proposal_by_collection", documentsPerProposal);
            json.put("documents_of_the_template_not_copied", notCopied);
            json.put("documents_inserted", documents);
            json.put("seconds", Report.round1(seconds));
            return json;
        }
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int BATCH = 500;
    private static final Set<String> NOT_THE_SERVICES = Set.of("admin", "config", "local");

    private Preload() {
    }

    static Result run(long proposals, String kafkaBootstrap, MongoClient mongo, ApiClient proposalApi,
            ApiClient reviewApi, PrintStream out) throws Exception {
        long start = System.nanoTime();
        Map<String, Set<Object>> before = ids(mongo);
        LoadDriver driver = new LoadDriver(proposalApi, reviewApi);
        try (EventWatcher watcher = new EventWatcher(kafkaBootstrap, driver.flows, driver::decide)) {
            Flow template = driver.startUnmeasured().get(60, TimeUnit.SECONDS);
            if (template == null) {
                throw new IllegalStateException("the template proposal was refused: " + driver.lastHttpErrorText);
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (!template.completed() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            if (!template.completed()) {
                throw new IllegalStateException("the template proposal did not finish within 120 s");
            }
        }
        // what the services write after the last mail (delivery records, acknowledgements)
        Thread.sleep(3000);

        Map<String, List<Document>> templates = new TreeMap<>();
        List<String> notCopied = new ArrayList<>();
        for (Map.Entry<String, Set<Object>> e : ids(mongo).entrySet()) {
            Set<Object> old = before.getOrDefault(e.getKey(), Set.of());
            Set<Object> added = new HashSet<>(e.getValue());
            added.removeAll(old);
            if (added.isEmpty()) {
                continue;
            }
            for (Document d : collection(mongo, e.getKey()).find(new Document("_id", new Document("$in",
                    new ArrayList<>(added))))) {
                Object id = d.get("_id");
                if (id.equals(remap(id, new HashMap<>()))) {
                    notCopied.add(e.getKey() + " " + id);
                } else {
                    templates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        Map<String, Integer> perProposal = new TreeMap<>();
        templates.forEach((c, docs) -> perProposal.put(c, docs.size()));
        out.printf(Locale.ROOT, "bench: preload: %d finished proposals as copies of one (%s per proposal) ...%n",
                proposals, perProposal);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> pending = new ArrayList<>();
        Map<String, List<Document>> buffers = new HashMap<>();
        long inserted = 0;
        for (long copy = 0; copy < proposals; copy++) {
            Map<Object, Object> fresh = new HashMap<>();
            for (Map.Entry<String, List<Document>> e : templates.entrySet()) {
                List<Document> buffer = buffers.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (Document d : e.getValue()) {
                    buffer.add((Document) remap(d, fresh));
                    inserted++;
                }
                if (buffer.size() >= BATCH) {
                    pending.add(insert(pool, collection(mongo, e.getKey()), buffer));
                    buffers.put(e.getKey(), new ArrayList<>());
                }
            }
            // a bounded backlog: copies are made no faster than the server takes them
            while (pending.size() > 4) {
                pending.remove(0).get();
            }
            if ((copy + 1) % 1000 == 0) {
                System.err.printf(Locale.ROOT, "\r  preload: %d of %d proposals, %d documents ", copy + 1,
                        proposals, inserted);
            }
        }
        for (Map.Entry<String, List<Document>> e : buffers.entrySet()) {
            if (!e.getValue().isEmpty()) {
                pending.add(insert(pool, collection(mongo, e.getKey()), e.getValue()));
            }
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        System.err.println();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "bench: preload: %d documents in %.1f s (the template proposal included in the time)%n", inserted,
                seconds);
        return new Result(proposals, perProposal, notCopied, inserted, seconds);
    }

    private static Future<?> insert(ExecutorService pool, MongoCollection<Document> collection, List<Document> docs) {
        return pool.submit(() -> collection.insertMany(docs, new InsertManyOptions().ordered(false)));
    }

    private static MongoCollection<Document> collection(MongoClient mongo, String qualified) {
        int dot = qualified.indexOf('.');
        return mongo.getDatabase(qualified.substring(0, dot)).getCollection(qualified.substring(dot + 1));
    }

    /** database.collection -> the ids of its documents, for the services' databases. */
    private static Map<String, Set<Object>> ids(MongoClient mongo) {
        Map<String, Set<Object>> ids = new TreeMap<>();
        for (String database : mongo.listDatabaseNames()) {
            if (NOT_THE_SERVICES.contains(database) || database.startsWith("bench-")) {
                continue;
            }
            for (String name : mongo.getDatabase(database).listCollectionNames()) {
                if (name.startsWith("system.")) {
                    continue;
                }
                Set<Object> set = new HashSet<>();
                mongo.getDatabase(database).getCollection(name).find().projection(Projections.include("_id"))
                        .forEach(d -> set.add(d.get("_id")));
                ids.put(database + "." + name, set);
            }
        }
        return ids;
    }

    /** A deep copy with every UUID (text, binary) and ObjectId replaced by its fresh one in {@code fresh}. */
    static Object remap(Object value, Map<Object, Object> fresh) {
        if (value instanceof Document d) {
            Document copy = new Document();
            d.forEach((k, v) -> copy.put(k, remap(v, fresh)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(remap(v, fresh)));
            return copy;
        }
        if (value instanceof String s) {
            Matcher m = UUID_TEXT.matcher(s);
            if (!m.find()) {
                return s;
            }
            StringBuilder b = new StringBuilder();
            do {
                String old = m.group().toLowerCase(Locale.ROOT);
                String replacement = (String) fresh.computeIfAbsent(old, k -> UUID.randomUUID().toString());
                m.appendReplacement(b, Matcher.quoteReplacement(m.group().equals(old) ? replacement
                        : replacement.toUpperCase(Locale.ROOT)));
            } while (m.find());
            m.appendTail(b);
            return b.toString();
        }
        if (value instanceof ObjectId id) {
            return fresh.computeIfAbsent(id, k -> new ObjectId());
        }
        if (value instanceof UUID id) {
            return fresh.computeIfAbsent(id, k -> UUID.randomUUID());
        }
        if (value instanceof Binary b && b.getData().length == 16
                && (b.getType() == BsonBinarySubType.UUID_STANDARD.getValue()
                || b.getType() == BsonBinarySubType.UUID_LEGACY.getValue())) {
            return fresh.computeIfAbsent(b, k -> {
                UUID u = UUID.randomUUID();
                byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                        .putLong(u.getLeastSignificantBits()).array();
                return new Binary(b.getType(), bytes);
            });
        }
        return value;
    }
}
