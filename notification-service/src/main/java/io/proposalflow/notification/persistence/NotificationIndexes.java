package io.proposalflow.notification.persistence;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;

import io.proposalflow.platform.persistence.StartupIndexes;

/**
 * Indexes for the dispatcher's claim query, the API's filters and erasure, declared for real MongoDB
 * (the embedded stand-in accepts and ignores them). Creating an existing index is a no-op.
 */
@Component
public class NotificationIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    public NotificationIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReactiveIndexOperations indexes = mongo.indexOps(NotificationDocument.class);
        StartupIndexes.create("notifications", List.of(
                indexes.createIndex(new Index().on("status", Direction.ASC).on("nextAttemptAt", Direction.ASC)),
                indexes.createIndex(new Index().on("proposalId", Direction.ASC).on("createdAt", Direction.DESC)),
                indexes.createIndex(new Index().on("organisationId", Direction.ASC).on("createdAt", Direction.DESC)),
                indexes.createIndex(new Index().on("recipientKind", Direction.ASC).on("recipientId", Direction.ASC))));
    }
}
