package io.proposalflow.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Run by hand, not a test: the outbox relay's polling query and count against a collection holding
 * 10,000 finished proposals and 10 with pending events, with and without the partial index, on both
 * backends, over the MongoDB Java driver. Prints the time of the inserts (500 per insertMany) and the
 * mean and median time per query.
 *
 * <pre>
 * ./mvnw -B -q -o -pl devstack test-compile
 * ./mvnw -B -q -o -pl devstack dependency:build-classpath -Dmdep.outputFile=/tmp/devstack.cp -Dmdep.includeScope=test
 * java -cp devstack/target/test-classes:devstack/target/classes:$(cat /tmp/devstack.cp) io.proposalflow.devstack.PendingQueryTiming
 * </pre>
 */
public final class PendingQueryTiming {

    private static final int FINISHED = 10_000;
    private static final int PENDING = 10;
    private static final int WARM_UP = 50;
    private static final int MEASURED = 200;
    private static final Bson HAS_OUTBOX = Filters.exists("outbox.0");

    private PendingQueryTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("pending-query-timing");
        // the first round warms the JVM up and is not printed
        for (int round = 0; round < 2; round++) {
            for (boolean indexed : List.of(false, true)) {
                try (EmbeddedMongo memory = EmbeddedMongo.startInMemory(0)) {
                    measure("memory", indexed, memory, round > 0);
                }
                try (EmbeddedMongo h2 = EmbeddedMongo.startPersistent(dir.resolve(round + "-" + indexed + ".mv"), 0)) {
                    measure("H2    ", indexed, h2, round > 0);
                }
            }
        }
    }

    private static void measure(String backend, boolean indexed, EmbeddedMongo mongo, boolean print) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            if (indexed) {
                proposals.createIndex(Indexes.ascending("outboxLease.until"),
                        new IndexOptions().name("outbox_pending").partialFilterExpression(HAS_OUTBOX));
            }
            long insertStart = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < FINISHED + PENDING; i++) {
                batch.add(proposal(i, i >= FINISHED));
                if (batch.size() == 500) {
                    proposals.insertMany(batch);
                    batch.clear();
                }
            }
            proposals.insertMany(batch);
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

            Bson relayQuery = Filters.and(HAS_OUTBOX, Filters.or(Filters.eq("outboxLease", null),
                    Filters.lt("outboxLease.until", new Date())));
            String find = time(() -> proposals.find(relayQuery).limit(100).into(new ArrayList<>()).size(), PENDING);
            String count = time(() -> (int) proposals.countDocuments(HAS_OUTBOX), PENDING);
            if (print) {
                System.out.printf("%s %-17s insert %,d in %.2f s | relay find %s | relay countDocuments %s%n",
                        backend,
                        indexed ? "partial index" : "no index (before)", FINISHED + PENDING, insertSeconds, find, count);
            }
        }
    }

    private static String time(Supplier<Integer> query, int expected) {
        for (int i = 0; i < WARM_UP; i++) {
            check(query.get(), expected);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            check(query.get(), expected);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        return String.format("mean %7.3f ms, median %7.3f ms", mean, nanos[MEASURED / 2] / 1e6);
    }

    private static void check(int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException("found " + found + ", expected " + expected);
        }
    }

    /** About the shape of a finished proposal: some text, a few nested entries, an empty outbox. */
    private static Document proposal(int i, boolean pending) {
        List<Document> history = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            history.add(new Document("type", "STATUS_CHANGED").append("at", Date.from(Instant.EPOCH.plusSeconds(h)))
                    .append("by", "user-" + h));
        }
        return new Document("_id", "proposal-" + i)
                .append("title", "Sprachcafé im Quartier " + i)
                .append("description", "x".repeat(600))
                .append("status", pending ? "SUBMITTED" : "APPROVED")
                .append("focusGroup", "fg-" + (i % 12))
                .append("version", 9)
                .append("history", history)
                .append("outbox", pending ? List.of(new Document("id", "event-" + i).append("type", "ProposalSubmitted"))
                        : List.of());
    }
}
