package io.proposalflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackTest {

    @TempDir
    Path dataDir;

    @Test
    void aPersistentStackKeepsKafkaMessagesAndMongoDocumentsAcrossARestart() throws Exception {
        DevStackConfig config = new DevStackConfig(dataDir, 0, 0, 0, 0, 0);
        try (DevStack stack = DevStack.start(config);
             MongoClient client = MongoClients.create(stack.mongo().connectionString())) {
            EmbeddedKafkaTest.send(stack.kafka().bootstrapServers(), "decisions", "d-1", "approved");
            client.getDatabase("app").getCollection("decisions").insertOne(new Document("_id", "d-1"));
        }
        assertThat(dataDir.resolve("kafka").resolve("meta.properties")).exists();
        assertThat(dataDir.resolve("mongo").resolve("mongo.mv")).exists();

        try (DevStack stack = DevStack.start(config);
             MongoClient client = MongoClients.create(stack.mongo().connectionString())) {
            assertThat(EmbeddedKafkaTest.readAll(stack.kafka().bootstrapServers(), "decisions", 1))
                    .extracting(record -> record.value()).containsExactly("approved");
            assertThat(client.getDatabase("app").getCollection("decisions").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aTakenPortStopsTheStartWithAMessageNamingTheServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, Ports.loopback())) {
            DevStackConfig config = new DevStackConfig(null, 0, 0, taken.getLocalPort(), 0, 0);

            assertThatThrownBy(() -> DevStack.start(config))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("MongoDB")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
