package io.proposalflow.review.persistence;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Creates the indexes the queries of {@link ReviewCaseStore} need (Spring Data does not create
 * annotated indexes unless told to). Creating an existing index is a no-op, so every instance
 * may run this at every start. The embedded MongoDB stand-in accepts and ignores them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReviewIndexes.class);

    private final ReactiveMongoOperations mongo;

    ReviewIndexes(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var cases = mongo.indexOps(ReviewCaseDocument.class);
        try {
            Flux.concat(
                    cases.createIndex(new Index("proposalId", Sort.Direction.ASC)),
                    cases.createIndex(new Index("reviewerIds", Sort.Direction.ASC)),
                    cases.createIndex(new Index("nextDeadlineAt", Sort.Direction.ASC).sparse()),
                    cases.createIndex(new Index().on("open", Sort.Direction.DESC).on("dueAt", Sort.Direction.ASC)),
                    // who holds a reservation for a case (ReviewerLoadStore.holders)
                    mongo.indexOps(ReviewerLoadStore.COLLECTION).createIndex(new Index("cases", Sort.Direction.ASC)))
                    .then().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // MongoDB may be down at startup; queries work without indexes, only slower
            log.warn("Could not create review_cases indexes: {}", e.toString());
        }
    }
}
