package io.proposalflow.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.proposalflow.testsupport.TestBackends;

/** A save of an existing aggregate is one conditional update that leaves the document exactly as mapped. */
class AggregateMongoTemplateTest {

    private static MongoClient client;
    private static AggregateMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestBackends.get().mongoUri());
        String database = "aggregate_template_test_" + UUID.randomUUID().toString().substring(0, 8);
        mongo = new AggregateMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, database),
                new ReactiveMongoTemplate(client, database).getConverter());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aFieldThatBecameNullIsRemovedAlsoInsideAnUnwrappedState() {
        Case saved = mongo.insert(new Case(UUID.randomUUID().toString(),
                new State("Quartiersmanagement Akti(F)", "Stiftung Neuerkerode, Projektleitung"), "note")).block();

        saved.state = new State("Quartiersmanagement Akti(F)", null);
        saved.note = null;
        mongo.save(saved).block();

        Document stored = mongo.findById(saved.id, Document.class, "cases").block();
        assertThat(stored).containsEntry("title", "Quartiersmanagement Akti(F)")
                .doesNotContainKey("contact").doesNotContainKey("note")
                .containsEntry("version", 1L);
    }

    @Test
    void anUnwrappedStateThatBecameNullRemovesAllItsFields() {
        Case saved = mongo.insert(new Case(UUID.randomUUID().toString(),
                new State("Sprachcafé Goslar", "Volkshochschule Goslar"), null)).block();

        saved.state = null;
        mongo.save(saved).block();

        Document stored = mongo.findById(saved.id, Document.class, "cases").block();
        assertThat(stored).doesNotContainKey("title").doesNotContainKey("contact").containsKey("_id");
    }

    record State(String title, String contact) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("cases")
    static class Case extends AggregateDocument {

        @Id
        String id;
        @Unwrapped.Nullable
        State state;
        String note;

        Case(String id, State state, String note) {
            this.id = id;
            this.state = state;
            this.note = note;
        }
    }
}
