package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void theJavaDriverWritesAndFindsADocument() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            proposals.insertOne(new Document("_id", "p-1").append("title", "Sprachcafé"));

            assertThat(proposals.find(Filters.eq("_id", "p-1")).first())
                    .containsEntry("title", "Sprachcafé");
        }
    }

    @Test
    void serverStatusCountsWritesLikeMongoDbsOpcounters() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            proposals.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b")));
            proposals.updateOne(Filters.eq("_id", "a"), Updates.set("title", "Sprachcafé"));
            proposals.deleteOne(Filters.eq("_id", "b"));

            Document opcounters = client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                    .get("opcounters", Document.class);
            assertThat(opcounters.get("insert", Number.class).longValue()).isEqualTo(2);
            assertThat(opcounters.get("update", Number.class).longValue()).isEqualTo(1);
            assertThat(opcounters.get("delete", Number.class).longValue()).isEqualTo(1);
        }
    }

    @Test
    void serverStatusSaysWhichCollectionTheWritesWentToAndWhatKindTheyWere() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            MongoCollection<Document> outbox = client.getDatabase("app").getCollection("outbox");
            proposals.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b")));
            proposals.updateOne(Filters.eq("_id", "a"), Updates.combine(Updates.set("title", "Sprachcafé"),
                    Updates.pull("outbox", "e-1")));
            proposals.replaceOne(Filters.eq("_id", "b"), new Document("title", "Nähwerkstatt"));
            outbox.updateOne(Filters.eq("_id", "o-1"), Updates.set("n", 1), new UpdateOptions().upsert(true));
            outbox.findOneAndUpdate(Filters.eq("_id", "o-1"), Updates.inc("n", 1));
            outbox.deleteOne(Filters.eq("_id", "o-1"));

            Document app = client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                    .get("writesByCollection", Document.class).get("app", Document.class);
            assertThat(app.get("proposals", Document.class)).containsEntry("insert", 2L)
                    .containsEntry("update $pull,$set", 1L).containsEntry("update replace", 1L).hasSize(3);
            assertThat(app.get("outbox", Document.class)).containsEntry("update $set upsert", 1L)
                    .containsEntry("findAndModify $inc", 1L).containsEntry("delete", 1L).hasSize(3);
        }
    }

    @Test
    void aPersistentServerFindsTheDocumentAfterARestart() {
        Path file = dir.resolve("mongo").resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("app").getCollection("proposals").insertOne(new Document("_id", "p-2"));
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            assertThat(client.getDatabase("app").getCollection("proposals")
                    .countDocuments(Filters.eq("_id", "p-2"))).isEqualTo(1);
        }
    }

    @Test
    void aQueryPinningOneIdWithFurtherConditionsMatchesExactlyAsMongoDbWould() {
        try (EmbeddedMongo memory = EmbeddedMongo.startInMemory(0)) {
            assertPinnedIdQueries(memory);
        }
        try (EmbeddedMongo persistent = EmbeddedMongo.startPersistent(dir.resolve("pinned.mv"), 0)) {
            assertPinnedIdQueries(persistent);
        }
    }

    private static void assertPinnedIdQueries(EmbeddedMongo mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> proposals = client.getDatabase("app").getCollection("proposals");
            proposals.insertMany(List.of(
                    new Document("_id", "p-1").append("version", 3).append("status", "SUBMITTED"),
                    new Document("_id", "p-2").append("version", 3).append("status", "DRAFT")));

            // an optimistic-locking save: matches only with the current version
            assertThat(proposals.updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("version", 2)),
                    Updates.set("status", "WITHDRAWN")).getMatchedCount()).isZero();
            assertThat(proposals.updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("version", 3)),
                    Updates.combine(Updates.set("status", "IN_REVIEW"), Updates.inc("version", 1)))
                    .getModifiedCount()).isEqualTo(1);

            assertThat(proposals.find(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("status", "IN_REVIEW"))).first())
                    .containsEntry("version", 4);
            assertThat(proposals.find(Filters.and(Filters.eq("_id", "p-missing"), Filters.eq("version", 3))).first())
                    .isNull();
            // the id as one condition of an explicit $and, as Spring Data writes andOperator(...)
            Document and = new Document("$and", List.of(new Document("_id", "p-2"), new Document("status", "DRAFT")));
            assertThat(proposals.findOneAndUpdate(and, Updates.set("status", "SUBMITTED"))).isNotNull();
            assertThat(proposals.findOneAndUpdate(and, Updates.set("status", "SUBMITTED"))).isNull();
            proposals.updateOne(Filters.eq("_id", "p-2"), Updates.set("status", "DRAFT"));
            // the other document is untouched, and queries on _id with an operator still work
            assertThat(proposals.find(Filters.and(Filters.in("_id", "p-1", "p-2"), Filters.eq("version", 3)))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("p-2");
        }
    }

    @Test
    void onlyAQueryThatPinsOneIdBesidesOtherConditionsIsServedByTheIdIndex() {
        MongoDatabase database = new MemoryBackend().openOrCreateDatabase("app");
        var collection = (AbstractMongoCollection<Integer>) database
                .createCollectionOrThrowIfExists("proposals", CollectionOptions.withDefaults());
        collection.addDocument(stored("_id", "p-1"));
        var indexes = collection.getIndexes();

        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes, stored("_id", "p-1", "version", 3))).hasSize(1);
        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes, stored("_id", "p-9", "version", 3))).isEmpty();
        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes,
                stored("$and", List.of(stored("_id", "p-1"), stored("status", "PENDING"))))).hasSize(1);
        // left to the collection's own planning: _id alone (already indexed), an operator, no _id at all
        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes, stored("_id", "p-1"))).isNull();
        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes,
                stored("_id", stored("$in", List.of("p-1")), "version", 3))).isNull();
        assertThat(IdIndexedBackends.positionsOfPinnedId(indexes, stored("status", "DRAFT", "version", 3))).isNull();
    }

    /** A document as the stand-in holds it (its own BSON type, not the driver's). */
    static de.bwaldvogel.mongo.bson.Document stored(Object... keysAndValues) {
        var document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }

    @Test
    void dataWrittenByThePlainH2BackendOpensUnchanged() {
        Path file = dir.resolve("earlier.mv");
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("app").getCollection("proposals").insertOne(new Document("_id", "p-3").append("version", 1));
        } finally {
            server.shutdown();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("app").getCollection("proposals")
                    .countDocuments(Filters.and(Filters.eq("_id", "p-3"), Filters.eq("version", 1)))).isEqualTo(1);
        }
    }

    @Test
    void connectionStringHasNoDatabase() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0)) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        }
    }
}
