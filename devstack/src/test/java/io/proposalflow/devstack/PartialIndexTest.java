package io.proposalflow.devstack;

import static io.proposalflow.devstack.EmbeddedMongoTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The services' pending-work queries (the outbox relay's, the mail dispatcher's) are served from
 * partial indexes, as MongoDB serves them, so old finished proposals do not slow the pipeline down.
 */
class PartialIndexTest {

    private static final Bson HAS_OUTBOX = Filters.exists("outbox.0");
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    @TempDir
    Path dir;

    /** Runs the check against the in-memory server and against one with a fresh H2 file. */
    private void onBothBackends(Consumer<EmbeddedMongo> check) {
        try (EmbeddedMongo memory = EmbeddedMongo.startInMemory(0)) {
            check.accept(memory);
        }
        try (EmbeddedMongo persistent = EmbeddedMongo.startPersistent(dir.resolve(UUID.randomUUID() + ".mv"), 0)) {
            check.accept(persistent);
        }
    }

    /** The relay's query: aggregates with outbox entries whose lease is absent or expired. */
    private static Bson relayQuery(Instant now) {
        return Filters.and(HAS_OUTBOX, Filters.or(Filters.eq("outboxLease", null),
                Filters.lt("outboxLease.until", Date.from(now))));
    }

    /** The dispatcher's query: pending notifications that are due. */
    private static Bson dispatcherQuery(Instant now) {
        return Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(now)));
    }

    private static void createOutboxIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("outboxLease.until"),
                new IndexOptions().name("pending-outbox").partialFilterExpression(HAS_OUTBOX));
    }

    private static void createDispatchIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("nextAttemptAt"),
                new IndexOptions().name("pending-mail").partialFilterExpression(Filters.eq("status", "PENDING")));
    }

    @Test
    void aPartialIndexIsAcceptedListedAndEnforcesNothing() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> notifications = client.getDatabase("app").getCollection("notifications");
            createDispatchIndex(notifications);
            createDispatchIndex(notifications); // every service start creates it again

            Date due = Date.from(NOW);
            notifications.insertMany(List.of(
                    new Document("_id", "n-1").append("status", "PENDING").append("nextAttemptAt", due),
                    new Document("_id", "n-2").append("status", "PENDING").append("nextAttemptAt", due)));

            assertThat(notifications.countDocuments()).isEqualTo(2);
            assertThat(notifications.listIndexes().into(new ArrayList<>()))
                    .filteredOn(index -> "pending-mail".equals(index.getString("name")))
                    .singleElement()
                    .satisfies(index -> assertThat(index.get("partialFilterExpression", Document.class))
                            .isEqualTo(new Document("status", "PENDING")));
        }
    }

    @Test
    void aUniquePartialIndexIsUniqueAmongTheDocumentsInItsFilterOnly() {
        onBothBackends(PartialIndexTest::assertUniqueAmongFilteredDocuments);
    }

    private static void assertUniqueAmongFilteredDocuments(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> notifications = client.getDatabase("app").getCollection("notifications");
            // sent mails share a key; the index is built over them all the same
            notifications.insertMany(List.of(
                    new Document("_id", "n-1").append("status", "SENT").append("dedupKey", "k"),
                    new Document("_id", "n-2").append("status", "SENT").append("dedupKey", "k")));
            notifications.createIndex(Indexes.ascending("dedupKey"), new IndexOptions().name("one-pending")
                    .unique(true).partialFilterExpression(Filters.eq("status", "PENDING")));

            notifications.insertOne(new Document("_id", "n-3").append("status", "PENDING").append("dedupKey", "k"));
            assertThatThrownBy(() -> notifications.insertOne(
                    new Document("_id", "n-4").append("status", "PENDING").append("dedupKey", "k")))
                    .hasMessageContaining("E11000");
            assertThatThrownBy(() -> notifications.updateOne(Filters.eq("_id", "n-1"), Updates.set("status", "PENDING")))
                    .hasMessageContaining("E11000");

            // once the pending one is sent, another may become pending
            notifications.updateOne(Filters.eq("_id", "n-3"), Updates.set("status", "SENT"));
            notifications.updateOne(Filters.eq("_id", "n-1"), Updates.set("status", "PENDING"));
            notifications.updateOne(Filters.eq("_id", "n-1"), Updates.set("attempts", 1));
            assertThat(notifications.countDocuments(Filters.eq("status", "PENDING"))).isEqualTo(1);
            notifications.deleteOne(Filters.eq("_id", "n-1"));
            notifications.insertOne(new Document("_id", "n-5").append("status", "PENDING").append("dedupKey", "k"));
        }
    }

    @Test
    void theRelayAndTheDispatcherExamineOnlyThePendingDocumentsNotTheOldFinishedOnes() {
        onBothBackends(PartialIndexTest::assertPendingQueriesExamineOnlyPendingDocuments);
    }

    private static void assertPendingQueriesExamineOnlyPendingDocuments(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase app = client.getDatabase("app");
            MongoCollection<Document> proposals = app.getCollection("proposals");
            MongoCollection<Document> notifications = app.getCollection("notifications");
            createOutboxIndex(proposals);
            createDispatchIndex(notifications);
            List<Document> finished = new ArrayList<>();
            List<Document> sent = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                finished.add(new Document("_id", "old-" + i).append("status", "APPROVED").append("outbox", List.of()));
                sent.add(new Document("_id", "sent-" + i).append("status", "SENT").append("nextAttemptAt", Date.from(NOW)));
            }
            proposals.insertMany(finished);
            notifications.insertMany(sent);
            proposals.insertMany(List.of(
                    new Document("_id", "p-1").append("outbox", List.of(new Document("id", "e-1"))),
                    new Document("_id", "p-2").append("outbox", List.of(new Document("id", "e-2")))
                            .append("outboxLease", new Document("until", Date.from(NOW.plusSeconds(30))))));
            notifications.insertOne(new Document("_id", "n-1").append("status", "PENDING")
                    .append("nextAttemptAt", Date.from(NOW.minusSeconds(1))));

            long before = scannedObjects(client);
            assertThat(proposals.find(relayQuery(NOW)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("p-1");
            assertThat(scannedObjects(client) - before).as("documents the relay's query examined").isEqualTo(2);

            before = scannedObjects(client);
            assertThat(proposals.countDocuments(HAS_OUTBOX)).isEqualTo(2);
            assertThat(scannedObjects(client) - before).as("documents the relay's count examined").isEqualTo(2);

            before = scannedObjects(client);
            assertThat(notifications.find(dispatcherQuery(NOW)).sort(Sorts.ascending("nextAttemptAt")).limit(10)
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("n-1");
            assertThat(scannedObjects(client) - before).as("documents the dispatcher's query examined").isEqualTo(1);

            // a query that does not imply the filter still reads everything, as MongoDB would have to
            before = scannedObjects(client);
            assertThat(notifications.countDocuments(Filters.lte("nextAttemptAt", Date.from(NOW)))).isEqualTo(501);
            assertThat(scannedObjects(client) - before).isEqualTo(501);

            // a pinned _id wins over the partial index
            before = scannedObjects(client);
            assertThat(proposals.find(Filters.and(Filters.eq("_id", "p-2"), HAS_OUTBOX)).first()).isNotNull();
            assertThat(scannedObjects(client) - before).isEqualTo(1);
        }
    }

    @Test
    void queriesServedFromAPartialIndexReturnExactlyWhatAFullScanReturns() {
        onBothBackends(PartialIndexTest::assertSameResultsWithAndWithoutIndex);
    }

    /**
     * Applies the same random inserts, updates (documents entering and leaving the filter) and deletes
     * to a collection with the partial indexes and to one without, and compares the queries' results
     * after every round.
     */
    private static void assertSameResultsWithAndWithoutIndex(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase app = client.getDatabase("app");
            MongoCollection<Document> indexed = app.getCollection("indexed");
            MongoCollection<Document> plain = app.getCollection("plain");
            createOutboxIndex(indexed);
            createDispatchIndex(indexed);
            Random random = new Random(17);
            int nextId = 0;
            for (int round = 0; round < 30; round++) {
                for (int step = 0; step < 20; step++) {
                    // every random choice is drawn before the write, which runs once per collection
                    int operation = random.nextInt(6);
                    String id = "d-" + random.nextInt(Math.max(1, nextId));
                    Instant at = NOW.plusSeconds(random.nextInt(120) - 60);
                    String status = random.nextBoolean() ? "PENDING" : "SENT";
                    List<Document> outbox = random.nextBoolean() ? List.of() : List.of(new Document("id", "e"));
                    Document entry = new Document("id", "e-" + random.nextInt(3));
                    switch (operation) {
                        case 0, 1 -> {
                            Document document = new Document("_id", "d-" + nextId++).append("status", status)
                                    .append("nextAttemptAt", Date.from(at)).append("outbox", outbox);
                            indexed.insertOne(document);
                            plain.insertOne(new Document(document));
                        }
                        case 2 -> both(indexed, plain, c -> c.updateOne(Filters.eq("_id", id),
                                Updates.combine(Updates.push("outbox", entry),
                                        Updates.set("outboxLease", new Document("until", Date.from(at)))))
                                .getModifiedCount());
                        case 3 -> both(indexed, plain, c -> c.updateMany(Filters.eq("_id", id),
                                Updates.combine(Updates.set("outbox", List.of()), Updates.unset("outboxLease"),
                                        Updates.set("status", status)))
                                .getModifiedCount());
                        case 4 -> both(indexed, plain, c -> c.deleteOne(Filters.eq("_id", id)).getDeletedCount());
                        default -> both(indexed, plain, c -> c.findOneAndUpdate(relayQuery(NOW),
                                Updates.set("outboxLease", new Document("until", Date.from(NOW.plusSeconds(30)))),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
                    }
                }
                assertSameQueryResults(indexed, plain, round);
            }
            // leaving the filter by deletes of many at once
            both(indexed, plain, c -> c.deleteMany(Filters.and(Filters.eq("status", "PENDING"),
                    Filters.lt("nextAttemptAt", Date.from(NOW)))).getDeletedCount());
            assertSameQueryResults(indexed, plain, 30);
            assertThat(indexed.countDocuments(Filters.eq("status", "PENDING"))).isPositive();
        }
    }

    private static void assertSameQueryResults(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            int round) {
        List<Function<MongoCollection<Document>, Object>> queries = List.of(
                c -> c.find(relayQuery(NOW)).into(new ArrayList<>()),
                c -> c.find(relayQuery(NOW)).limit(3).into(new ArrayList<>()),
                c -> c.find(Filters.and(HAS_OUTBOX, Filters.eq("status", "PENDING")))
                        .projection(Projections.include("status")).into(new ArrayList<>()),
                c -> c.countDocuments(HAS_OUTBOX),
                c -> c.countDocuments(relayQuery(NOW)),
                c -> c.find(dispatcherQuery(NOW)).sort(Sorts.ascending("nextAttemptAt")).limit(5).into(new ArrayList<>()),
                c -> c.find(dispatcherQuery(NOW)).sort(Sorts.descending("nextAttemptAt")).skip(1).into(new ArrayList<>()),
                c -> c.find(new Document("status", "PENDING").append("outbox", List.of())).into(new ArrayList<>()),
                c -> c.find(Filters.eq("status", "PENDING")).sort(new Document("$natural", -1)).into(new ArrayList<>()),
                c -> c.distinct("_id", Filters.eq("status", "PENDING"), String.class).into(new ArrayList<>()),
                c -> c.countDocuments(Filters.eq("status", "PENDING")));
        for (int i = 0; i < queries.size(); i++) {
            assertThat(queries.get(i).apply(indexed)).as("query %d after round %d", i, round)
                    .isEqualTo(queries.get(i).apply(plain));
        }
    }

    private static void both(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            Function<MongoCollection<Document>, Object> write) {
        assertThat(write.apply(indexed)).isEqualTo(write.apply(plain));
    }

    @Test
    void aQueryImpliesAFilterWhenItHasEachOfTheFiltersConditionsWrittenTheSameWay() {
        var pending = stored("status", "PENDING");
        var hasOutbox = stored("outbox.0", stored("$exists", true));

        assertThat(PartialIndex.implies(stored("status", "PENDING", "nextAttemptAt", stored("$lte", NOW)), pending))
                .isTrue();
        assertThat(PartialIndex.implies(stored("$and", List.of(hasOutbox, stored("$or", List.of(
                stored("outboxLease", null), stored("outboxLease.until", stored("$lt", NOW)))))), hasOutbox)).isTrue();
        assertThat(PartialIndex.implies(stored("status", stored("$eq", "PENDING")), pending)).isTrue();
        // conditions that are not ANDed at the top level, or mean something else, do not imply it
        assertThat(PartialIndex.implies(stored("$or", List.of(pending, stored("status", "FAILED"))), pending)).isFalse();
        assertThat(PartialIndex.implies(stored("status", stored("$in", List.of("PENDING", "SENT"))), pending)).isFalse();
        assertThat(PartialIndex.implies(stored("outbox.0", stored("$exists", false)), hasOutbox)).isFalse();
        assertThat(PartialIndex.implies(stored("nextAttemptAt", stored("$lte", NOW)), pending)).isFalse();
        // an embedded document matches only in its own field order
        assertThat(PartialIndex.implies(stored("lease", stored("a", 1, "b", 2)), stored("lease", stored("b", 2, "a", 1))))
                .isFalse();
    }

    @Test
    void aPersistentServerRebuildsThePartialIndexWhenItOpensAFileWrittenByThePlainBackend() {
        Path file = dir.resolve("earlier.mv");
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            createOutboxIndex(proposals);
            for (int i = 0; i < 100; i++) {
                proposals.insertOne(new Document("_id", "old-" + i).append("outbox", List.of()));
            }
            proposals.insertOne(new Document("_id", "p-1").append("outbox", List.of(new Document("id", "e-1"))));
        } finally {
            server.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            proposals.updateOne(Filters.eq("_id", "old-7"), Updates.push("outbox", new Document("id", "e-7")));
            proposals.updateOne(Filters.eq("_id", "p-1"), Updates.set("outbox", List.of()));
            long before = scannedObjects(client);
            assertThat(proposals.find(relayQuery(NOW)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("old-7");
            assertThat(scannedObjects(client) - before).isEqualTo(1);
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            long before = scannedObjects(client);
            assertThat(proposals.countDocuments(HAS_OUTBOX)).isEqualTo(1);
            assertThat(scannedObjects(client) - before).isEqualTo(1);
        }
    }

    @Test
    void aDroppedIndexOrCollectionLeavesNothingBehind() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            createOutboxIndex(proposals);
            proposals.insertMany(List.of(new Document("_id", "a").append("outbox", List.of(new Document("id", "e"))),
                    new Document("_id", "b").append("outbox", List.of())));

            proposals.dropIndex("pending-outbox");
            long before = scannedObjects(client);
            assertThat(proposals.countDocuments(HAS_OUTBOX)).isEqualTo(1);
            assertThat(scannedObjects(client) - before).as("a full scan again").isEqualTo(2);

            createOutboxIndex(proposals);
            proposals.drop();
            proposals.insertOne(new Document("_id", "c").append("outbox", List.of(new Document("id", "e"))));
            assertThat(proposals.find(HAS_OUTBOX).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("c");
        }
    }

    private static long scannedObjects(MongoClient client) {
        return client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                .get("metrics", Document.class).get("queryExecutor", Document.class)
                .get("scannedObjects", Number.class).longValue();
    }
}
