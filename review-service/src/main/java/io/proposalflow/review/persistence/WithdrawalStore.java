package io.proposalflow.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Remembers the latest withdrawal seen per proposal (collection {@value #COLLECTION}: proposal id
 * and the proposal version of the withdrawal), so that a submission event arriving after the
 * withdrawal of the same proposal (out of order, e.g. replayed from an old offset) opens no case.
 */
@Component
public class WithdrawalStore {

    public static final String COLLECTION = "proposal_withdrawals";

    private final ReactiveMongoOperations mongo;

    public WithdrawalStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: keeps the highest version seen. */
    public Mono<Void> record(UUID proposalId, long proposalVersion) {
        return mongo.upsert(Query.query(where("_id").is(proposalId.toString())),
                new Update().max("version", proposalVersion), COLLECTION).then();
    }

    /** Whether the proposal was withdrawn at a later version than {@code proposalVersion}. */
    public Mono<Boolean> withdrawnAfter(UUID proposalId, long proposalVersion) {
        return mongo.exists(Query.query(where("_id").is(proposalId.toString()).and("version").gt(proposalVersion)),
                COLLECTION);
    }
}
