package io.proposalflow.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reviewers' load: per reviewer one document in {@value #COLLECTION},
 * {@code {_id: reviewerId, busy: n, cases: [caseId, ...]}}, naming the cases that keep the
 * reviewer busy (assigned to an open case and not decided yet) and their number.
 *
 * <p>Every change is one conditional single-document update, so it needs no transaction and works
 * the same on MongoDB and on the embedded stand-in:
 * <ul>
 * <li>a reservation adds a case only if it is not listed yet ({@code cases: {$ne: caseId}}) and,
 *     when choosing a new case's reviewers, only if {@code busy} is still the value the choice was
 *     based on (compare-and-set): of two cases opened at the same moment that both want the least
 *     busy reviewer, one wins and the other chooses again on the new numbers;</li>
 * <li>a release removes a case only if it is listed ({@code cases: caseId}), so {@code busy}
 *     drops once however often it is repeated.</li>
 * </ul>
 * Keyed by case, every step can be repeated (redelivered event, retried save) without counting
 * twice, and {@link #sync} makes the numbers agree with a case after any change of it.
 */
@Component
public class ReviewerLoadStore {

    public static final String COLLECTION = "reviewer_load";

    private final ReactiveMongoOperations mongo;

    public ReviewerLoadStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Current reservations of the given reviewers; a reviewer without a document has none. */
    public Mono<Map<String, Integer>> busy(Collection<String> reviewerIds) {
        return mongo.find(Query.query(where("_id").in(reviewerIds)), Document.class, COLLECTION)
                .collect(HashMap::new, (load, doc) -> load.put(doc.getString("_id"), busyOf(doc)));
    }

    /**
     * Reserves the reviewer for the case if their load is still {@code expectedBusy}.
     *
     * @return true if reserved now or already reserved for this case; false if someone else
     *         changed the reviewer's load since it was read (choose again)
     */
    public Mono<Boolean> tryReserve(String reviewerId, int expectedBusy, UUID caseId) {
        Query unchanged = Query.query(where("_id").is(reviewerId).and("busy").is(expectedBusy)
                .and("cases").ne(caseId.toString()));
        return updateCreatingDocument(reviewerId, unchanged, reserve(caseId))
                .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(true) : holds(reviewerId, caseId));
    }

    /** Reserves the reviewer for the case whatever their load (a manual assignment); idempotent. */
    public Mono<Void> reserve(String reviewerId, UUID caseId) {
        return updateCreatingDocument(reviewerId,
                        Query.query(where("_id").is(reviewerId).and("cases").ne(caseId.toString())), reserve(caseId))
                .then();
    }

    /** Releases the reviewer's reservation for the case, if there is one; idempotent. */
    public Mono<Void> release(String reviewerId, UUID caseId) {
        return mongo.updateFirst(Query.query(where("_id").is(reviewerId).and("cases").is(caseId.toString())),
                new Update().inc("busy", -1).pull("cases", caseId.toString()), COLLECTION).then();
    }

    /**
     * Makes the reservations of a case match {@code pending}, the reviewers it keeps busy now:
     * reserves those missing, releases everyone else who still holds one (decided, removed, or the
     * case closed). Called after every saved change of a case; repeating it changes nothing.
     */
    public Mono<Void> sync(UUID caseId, Set<String> pending) {
        // one read of who holds a reservation, then a write only for a difference (usually none or one)
        return holders(caseId).collect(Collectors.toSet()).flatMap(holding -> {
            Flux<Void> releases = Flux.fromIterable(holding).filter(id -> !pending.contains(id))
                    .concatMap(id -> release(id, caseId));
            Flux<Void> reservations = Flux.fromIterable(pending).filter(id -> !holding.contains(id))
                    .concatMap(id -> reserve(id, caseId));
            return releases.thenMany(reservations).then();
        });
    }

    /** Ids of the reviewers holding a reservation for the case. */
    public Flux<String> holders(UUID caseId) {
        Query query = Query.query(where("cases").is(caseId.toString()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(doc -> doc.getString("_id"));
    }

    /** Every reviewer's document as {@code reviewerId -> case ids}, for reconciliation. */
    public Flux<Map.Entry<String, List<String>>> all() {
        return mongo.findAll(Document.class, COLLECTION)
                .map(doc -> Map.entry(doc.getString("_id"), doc.getList("cases", String.class, List.of())));
    }

    private Mono<Boolean> holds(String reviewerId, UUID caseId) {
        return mongo.exists(Query.query(where("_id").is(reviewerId).and("cases").is(caseId.toString())), COLLECTION);
    }

    /**
     * The reservation as one write where the reviewer's document exists (every reservation after
     * their first); only when the update matched nothing and the document is missing is it created
     * and the update made again. (Creating it first on every reservation cost a second write each.)
     */
    private Mono<UpdateResult> updateCreatingDocument(String reviewerId, Query query, Update update) {
        return mongo.updateFirst(query, update, COLLECTION).flatMap(result -> result.getMatchedCount() > 0
                ? Mono.just(result)
                : mongo.exists(Query.query(where("_id").is(reviewerId)), COLLECTION).flatMap(exists -> exists
                        ? Mono.just(result)
                        : ensureExists(reviewerId).then(mongo.updateFirst(query, update, COLLECTION))));
    }

    private Mono<Void> ensureExists(String reviewerId) {
        return mongo.upsert(Query.query(where("_id").is(reviewerId)),
                        new Update().setOnInsert("busy", 0).setOnInsert("cases", List.of()), COLLECTION)
                // two first reservations of a new reviewer at once: one inserts, the other finds it
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    private static Update reserve(UUID caseId) {
        return new Update().inc("busy", 1).push("cases", caseId.toString());
    }

    private static int busyOf(Document doc) {
        Object busy = doc.get("busy");
        return busy instanceof Number n ? n.intValue() : 0;
    }
}
