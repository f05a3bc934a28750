package io.proposalflow.proposal.persistence;

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

/**
 * Creates the indexes the list queries and the history need, at every start (see {@link StartupIndexes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProposalIndexes implements ApplicationRunner {

    private final ReactiveMongoOperations mongo;

    ProposalIndexes(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var proposals = mongo.indexOps(ProposalDocument.class);
        StartupIndexes.create(ProposalDocument.COLLECTION, List.of(
                proposals.createIndex(new Index().on("content.themenfeld", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)),
                proposals.createIndex(new Index().on("status", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)),
                mongo.indexOps(DeliveryDocument.class).createIndex(new Index("proposalId", Sort.Direction.ASC))));
    }
}
