package io.proposalflow.review.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.proposalflow.events.EventCodec;
import io.proposalflow.platform.persistence.OptimisticRetry;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Loads, queries and saves review cases; every save writes the case and its new events together. */
@Component
public class ReviewCaseStore {

    /** Open cases first, then the most urgent; the id makes paging stable. */
    static final Sort OPEN_FIRST = Sort.by(Sort.Order.desc("open"), Sort.Order.asc("dueAt"), Sort.Order.asc("_id"));

    private final ReactiveMongoOperations mongo;
    private final EventCodec codec;

    public ReviewCaseStore(ReactiveMongoOperations mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    public Mono<ReviewCaseDocument> find(UUID id) {
        return mongo.findById(id.toString(), ReviewCaseDocument.class);
    }

    /**
     * Load, change, save with the version check. On a concurrent change the step runs again on
     * fresh state, so the domain re-checks its rules against what is really stored. The change
     * gets the stored version too (a client may have named the version it read).
     *
     * @return the saved document, with its new version; empty if there is no such case
     */
    public Mono<ReviewCaseDocument> update(UUID id, BiConsumer<ReviewCase, Long> change) {
        return OptimisticRetry.onConflict(() -> find(id)
                .flatMap(document -> {
                    ReviewCase reviewCase = document.toDomain();
                    change.accept(reviewCase, document.getVersion());
                    document.update(reviewCase, codec);
                    return mongo.save(document);
                }));
    }

    /** Saves exactly the loaded version; fails with {@link OptimisticLockingFailureException} if it changed. */
    public Mono<ReviewCaseDocument> saveIfUnchanged(ReviewCaseDocument document, ReviewCase changed) {
        document.update(changed, codec);
        return mongo.save(document);
    }

    public Flux<ReviewCaseDocument> unclosedOfProposal(UUID proposalId) {
        return mongo.find(Query.query(where("proposalId").is(proposalId.toString()).and("open").is(true)),
                ReviewCaseDocument.class);
    }

    /** Open cases with a reminder or overdue event due at {@code now}. */
    public Flux<ReviewCaseDocument> withDeadlineDue(Instant now, int limit) {
        Query query = Query.query(where("status").is(ReviewStatus.OPEN).and("nextDeadlineAt").lte(now))
                .with(Sort.by("nextDeadlineAt")).limit(limit);
        return mongo.find(query, ReviewCaseDocument.class);
    }

    /** Ids of all open cases, for reconciling the reviewers' load (see ReviewerLoadStore). */
    public Flux<UUID> openCaseIds() {
        Query query = Query.query(where("status").is(ReviewStatus.OPEN));
        query.fields().include("_id");
        return mongo.find(query, ReviewCaseDocument.class).map(document -> UUID.fromString(document.getId()));
    }

    /**
     * One page of cases, open first.
     *
     * @param reviewerId only the cases this reviewer is assigned to, null for all
     * @param status     only the cases in this status, null for all
     * @param proposalId only the cases (rounds) of this proposal, null for all
     */
    public Mono<Page> page(String reviewerId, ReviewStatus status, UUID proposalId, long offset, int size) {
        Query filter = new Query();
        if (reviewerId != null) {
            filter.addCriteria(where("reviewerIds").is(reviewerId));
        }
        if (proposalId != null) {
            filter.addCriteria(where("proposalId").is(proposalId.toString()));
        }
        if (status != null) {
            filter.addCriteria(where("status").is(status));
        }
        Mono<Long> total = mongo.count(Query.of(filter), ReviewCaseDocument.class);
        Mono<List<ReviewCase>> content = mongo.find(Query.of(filter).with(OPEN_FIRST).skip(offset)
                        .limit(size), ReviewCaseDocument.class)
                .map(ReviewCaseDocument::toDomain)
                .collectList();
        return Mono.zip(content, total).map(t -> new Page(t.getT1(), t.getT2()));
    }

    public record Page(List<ReviewCase> content, long total) {
    }
}
