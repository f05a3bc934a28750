package io.proposalflow.proposal.persistence;

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
 * Creates the indexes the list queries and the history need (Spring Data does not create annotated
 * indexes unless told to). Creating an existing index is a no-op, so every instance may run this at
 * every start. The embedded MongoDB stand-in accepts and ignores them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProposalIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProposalIndexes.class);

    private final ReactiveMongoOperations mongo;

    ProposalIndexes(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var proposals = mongo.indexOps(ProposalDocument.class);
        try {
            Flux.concat(
                    proposals.createIndex(new Index().on("content.themenfeld", Sort.Direction.ASC)
                            .on("createdAt", Sort.Direction.DESC)),
                    proposals.createIndex(new Index().on("status", Sort.Direction.ASC)
                            .on("createdAt", Sort.Direction.DESC)),
                    mongo.indexOps(DeliveryDocument.class).createIndex(new Index("proposalId", Sort.Direction.ASC)))
                    .then().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // MongoDB may be down at startup; queries work without indexes, only slower
            log.warn("Could not create proposal indexes: {}", e.toString());
        }
    }
}
