package io.proposalflow.notification.persistence;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;

import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.platform.persistence.StartupIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Indexes for the dispatcher's claim query, the API's filters and erasure, declared for real MongoDB
 * (the embedded stand-in serves the partial one and ignores the others). Creating an existing index is a no-op.
 */
@Component
public class NotificationIndexes implements ApplicationRunner {

    /** The statuses of a notification not yet settled, in the order the index filter names them. */
    static final List<String> OPEN = List.of(NotificationStatus.PENDING.name(), NotificationStatus.SENDING.name());

    private final ReactiveMongoTemplate mongo;

    public NotificationIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReactiveIndexOperations indexes = mongo.indexOps(NotificationDocument.class);
        StartupIndexes.create("notifications", List.of(
                indexes.createIndex(new Index().on("status", Direction.ASC).on("nextAttemptAt", Direction.ASC)),
                // only the notifications still to send: the dispatcher's query costs the same with
                // a hundred or a million settled ones stored (MongoDB serves it, and the dev stack's stand-in)
                indexes.createIndex(new Index().on("nextAttemptAt", Direction.ASC).named("open_notifications")
                        .partial(PartialIndexFilter.of(where("status").in(OPEN)))),
                indexes.createIndex(new Index().on("proposalId", Direction.ASC).on("createdAt", Direction.DESC)),
                indexes.createIndex(new Index().on("organisationId", Direction.ASC).on("createdAt", Direction.DESC)),
                indexes.createIndex(new Index().on("recipientKind", Direction.ASC).on("recipientId", Direction.ASC))));
    }
}
