package io.proposalflow.review.persistence;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import io.proposalflow.platform.persistence.StartupIndexes;

/** Creates the indexes the queries of {@link ReviewCaseStore} and {@link ReviewerLoadStore} need, at every start. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewIndexes implements ApplicationRunner {

    private final ReactiveMongoOperations mongo;

    ReviewIndexes(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var cases = mongo.indexOps(ReviewCaseDocument.class);
        StartupIndexes.create(ReviewCaseDocument.COLLECTION, List.of(
                cases.createIndex(new Index("proposalId", Sort.Direction.ASC)),
                cases.createIndex(new Index("reviewerIds", Sort.Direction.ASC)),
                cases.createIndex(new Index("nextDeadlineAt", Sort.Direction.ASC).sparse()),
                cases.createIndex(new Index().on("open", Sort.Direction.DESC).on("dueAt", Sort.Direction.ASC)),
                // who holds a reservation for a case (ReviewerLoadStore.holders)
                mongo.indexOps(ReviewerLoadStore.COLLECTION).createIndex(new Index("cases", Sort.Direction.ASC))));
    }
}
