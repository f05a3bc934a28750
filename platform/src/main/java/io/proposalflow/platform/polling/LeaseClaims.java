package io.proposalflow.platform.polling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;

/**
 * Lease and claim, the one way the services share work between instances (the outbox relay, the mail
 * dispatcher): a document is claimed by writing a lease into it under the condition that it is still
 * claimable, so two instances never hold the same document; an instance that dies leaves a lease that
 * runs out, and the document becomes claimable again.
 */
public final class LeaseClaims {

    private LeaseClaims() {
    }

    /**
     * Claims up to {@code limit} documents. One query finds the candidates' ids (the expensive part:
     * {@code claimable} should be served by an index); each is then claimed by id, in {@code order},
     * still under {@code claimable}, so a candidate another instance claimed meanwhile is skipped,
     * never taken twice.
     *
     * @param claimable what makes a document free to claim now (e.g. pending and no live lease)
     * @param claim     the lease to write (owner, until; a version bump where the document has one)
     * @return the claimed documents as they are after the claim
     */
    public static <T> Flux<T> claim(ReactiveMongoOperations mongo, Class<T> type, String collection,
            Criteria claimable, Sort order, int limit, Update claim) {
        Query candidates = Query.query(claimable).with(order).limit(limit);
        candidates.fields().include("_id");
        return mongo.find(candidates, org.bson.Document.class, collection)
                .map(candidate -> candidate.get("_id"))
                .collectList()
                .flatMapMany(ids -> Flux.fromIterable(ids).concatMap(id -> mongo.findAndModify(
                        Query.query(new Criteria().andOperator(where("_id").is(id), claimable)), claim,
                        FindAndModifyOptions.options().returnNew(true), type, collection)));
    }
}
