package io.proposalflow.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoClient;

/**
 * The MongoDB server's write counters: the total (serverStatus.opcounters: insert, update, delete,
 * plus the findAndModify the dev stack counts apart) and, where the server says so (the dev stack's
 * {@code writesByCollection}), per database.collection and kind of write. The floor's own
 * databases ({@code bench-...}) are left out of the breakdown.
 */
record WriteCounters(long total, Map<String, Map<String, Long>> byCollection) {

    static WriteCounters read(MongoClient mongo) {
        try {
            Document status = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            long total = 0;
            Document counters = status.get("opcounters", Document.class);
            if (counters != null) {
                for (String op : List.of("insert", "update", "delete", "findAndModify")) {
                    Object value = counters.get(op);
                    total += value instanceof Number n ? n.longValue() : 0;
                }
            }
            Map<String, Map<String, Long>> by = new TreeMap<>();
            Object writes = status.get("writesByCollection");
            if (writes instanceof Document databases) {
                databases.forEach((database, collections) -> {
                    if (database.startsWith("bench-") || !(collections instanceof Document c)) {
                        return;
                    }
                    c.forEach((collection, kinds) -> {
                        if (kinds instanceof Document k) {
                            Map<String, Long> counts = new TreeMap<>();
                            k.forEach((kind, n) -> counts.put(kind, n instanceof Number num ? num.longValue() : 0L));
                            by.put(database + "." + collection, counts);
                        }
                    });
                });
            }
            return new WriteCounters(total, by);
        } catch (RuntimeException e) {
            return new WriteCounters(0, Map.of());
        }
    }

    /** What happened between {@code before} and this reading. */
    WriteCounters minus(WriteCounters before) {
        Map<String, Map<String, Long>> by = new TreeMap<>();
        byCollection.forEach((collection, kinds) -> {
            Map<String, Long> earlier = before.byCollection.getOrDefault(collection, Map.of());
            Map<String, Long> counts = new TreeMap<>();
            kinds.forEach((kind, n) -> {
                long d = n - earlier.getOrDefault(kind, 0L);
                if (d != 0) {
                    counts.put(kind, d);
                }
            });
            if (!counts.isEmpty()) {
                by.put(collection, counts);
            }
        });
        return new WriteCounters(total - before.total, by);
    }

    /** Per proposal, rounded to 0.01: collection -> kind -> writes, with a "total" per collection. */
    Map<String, Map<String, Double>> perProposal(long proposals) {
        Map<String, Map<String, Double>> per = new TreeMap<>();
        if (proposals == 0) {
            return per;
        }
        byCollection.forEach((collection, kinds) -> {
            Map<String, Double> counts = new TreeMap<>();
            long sum = 0;
            for (Map.Entry<String, Long> e : kinds.entrySet()) {
                counts.put(e.getKey(), Report.round2((double) e.getValue() / proposals));
                sum += e.getValue();
            }
            counts.put("total", Report.round2((double) sum / proposals));
            per.put(collection, counts);
        });
        return per;
    }
}
