package io.proposalflow.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * Checks the service's own MongoDB database with {@code ping}. Spring Boot's indicator uses
 * {@code hello}, which the embedded MongoDB-wire server does not implement; {@code ping} is
 * answered by real MongoDB and the stand-in alike, and proves the same: the database answers.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .zipWith(mongo.getMongoDatabase().map(database -> database.getName()))
                .map(result -> builder.up().withDetail("database", result.getT2()).build());
    }
}
