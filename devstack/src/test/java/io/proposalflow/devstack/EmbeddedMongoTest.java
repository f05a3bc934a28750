package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void connectionStringHasNoDatabase() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0)) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        }
    }
}
