package io.proposalflow.notification.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.proposalflow.events.RecipientKind;
import io.proposalflow.notification.domain.NotificationStatus;
import io.proposalflow.notification.domain.PersonalData;
import io.proposalflow.platform.persistence.IdempotentUpdater;
import io.proposalflow.platform.polling.LeaseClaims;
import io.proposalflow.platform.web.PageQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The notifications collection: insert-once, claiming for the dispatcher, queries and erasure. */
@Component
public class NotificationStore {

    private final ReactiveMongoTemplate mongo;
    private final IdempotentUpdater updater;

    public NotificationStore(ReactiveMongoTemplate mongo, IdempotentUpdater updater) {
        this.mongo = mongo;
        this.updater = updater;
    }

    /** Inserts unless a notification with this (event-derived) id exists; true when inserted. */
    public Mono<Boolean> createOnce(NotificationDocument notification) {
        return updater.createOnce(notification, notification.getSourceEventId())
                .map(result -> result == IdempotentUpdater.Result.APPLIED);
    }

    /**
     * Claims the notification due first, atomically (findAndModify), so two dispatchers never hold the
     * same one. A SENDING notification whose lease ran out belonged to a dispatcher that died; it is due again.
     */
    public Mono<NotificationDocument> claimNext(Instant now, Duration lease) {
        return claimDue(now, lease, 1).next();
    }

    /**
     * Claims up to {@code limit} due notifications, oldest due first ({@link LeaseClaims}: a
     * notification another dispatcher claimed meanwhile is skipped, never taken twice). The claim
     * raises the version, which makes the lease this dispatcher's (see {@link #renewLease}).
     */
    public Flux<NotificationDocument> claimDue(Instant now, Duration lease, int limit) {
        Update claim = new Update()
                .set("status", NotificationStatus.SENDING)
                .set("leaseUntil", now.plus(lease))
                .inc("version", 1);
        // as plain documents, read into NotificationDocument afterwards: the conditions name the stored
        // fields, into which the state is unwrapped, and mapped against the entity every one of them was
        // looked up as a property first and logged ("Could not map ...", eight lines per claimed mail)
        return LeaseClaims.claim(mongo, Document.class, mongo.getCollectionName(NotificationDocument.class),
                        due(now), Sort.by("nextAttemptAt"), limit, claim)
                .map(claimed -> mongo.getConverter().read(NotificationDocument.class, claimed));
    }

    private static Criteria due(Instant now) {
        // the first condition is the filter of the partial index of open notifications (NotificationIndexes),
        // written as there, so that the query reads those only, however many settled ones are stored;
        // never to the placeholder an erasure leaves behind
        return new Criteria().andOperator(where("status").in(NotificationIndexes.OPEN),
                where("email").ne(PersonalData.ERASED), new Criteria().orOperator(
                where("status").is(NotificationStatus.PENDING).and("nextAttemptAt").lte(now),
                where("status").is(NotificationStatus.SENDING).and("leaseUntil").lt(now)));
    }

    /**
     * Applies the outcome of an attempt with the optimistic version; on a concurrent change (erasure,
     * resend) it runs again on fresh state. {@code attemptKey} makes a repeated call a no-op.
     */
    public Mono<Void> update(String id, String attemptKey, Consumer<NotificationDocument> change) {
        return updater.applyOnce(NotificationDocument.class, id, attemptKey, change).then();
    }

    /**
     * Extends the lease of a claimed notification, only if it is still exactly as claimed (same
     * version, still SENDING): true when renewed, false when another dispatcher took it over or it was
     * changed (erased, resent) meanwhile.
     */
    public Mono<Boolean> renewLease(String id, long claimedVersion, Instant leaseUntil) {
        Query stillOurs = Query.query(where("_id").is(id).and("version").is(claimedVersion)
                .and("status").is(NotificationStatus.SENDING.name()));
        // by collection name, not entity class: for a versioned entity Spring Data would raise the
        // version with every update, and the claim's version is what makes the lease ours
        return mongo.updateFirst(stillOurs, new Update().set("leaseUntil", leaseUntil),
                        mongo.getCollectionName(NotificationDocument.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    public Mono<NotificationDocument> findById(String id) {
        return mongo.findById(id, NotificationDocument.class);
    }

    public Mono<NotificationDocument> save(NotificationDocument notification) {
        return mongo.save(notification);
    }

    public Flux<NotificationDocument> find(NotificationFilter filter, PageQuery page) {
        Query query = filter.toQuery()
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))
                .skip(page.offset())
                .limit(page.size());
        return mongo.find(query, NotificationDocument.class);
    }

    /** Every notification to one recipient, oldest first: what an access request (Art. 15) is answered with. */
    public Flux<NotificationDocument> findByRecipient(RecipientKind kind, String recipientId) {
        return mongo.find(Query.query(where("recipientKind").is(kind).and("recipientId").is(recipientId))
                .with(Sort.by("createdAt", "id")), NotificationDocument.class);
    }

    /**
     * Deletes the delivery records created before {@code cutoff} that are settled (sent, failed or
     * cancelled); one waiting or being sent stays. Returns how many were deleted.
     */
    public Mono<Long> deleteSettledCreatedBefore(Instant cutoff) {
        Query settled = Query.query(where("createdAt").lt(cutoff)
                .and("status").in(NotificationStatus.SENT, NotificationStatus.FAILED, NotificationStatus.CANCELLED));
        return mongo.remove(settled, NotificationDocument.class).map(result -> result.getDeletedCount());
    }

    public Mono<Long> count(NotificationFilter filter) {
        return mongo.count(filter.toQuery(), NotificationDocument.class);
    }

    /**
     * Erasure: replaces a contact person's name and address in every notification to them, and cancels
     * those not sent yet (there is nobody left to send them to). Bumps the version so that a dispatcher
     * holding an older copy cannot write the personal data back.
     */
    public Mono<Long> anonymise(RecipientKind kind, String recipientId) {
        Query theirs = Query.query(where("recipientKind").is(kind).and("recipientId").is(recipientId));
        // waiting, being sent (a dispatcher's claim: the version bump makes its pre-send check fail) and
        // failed ones (a resend would go to the placeholder): none is ever sent after the erasure
        Query unsent = Query.query(where("recipientKind").is(kind).and("recipientId").is(recipientId)
                .and("status").in(NotificationStatus.PENDING, NotificationStatus.SENDING, NotificationStatus.FAILED));
        Update cancel = new Update().set("status", NotificationStatus.CANCELLED).unset("leaseUntil").inc("version", 1);
        Update anonymise = new Update()
                .set("recipientName", PersonalData.ERASED)
                .set("email", PersonalData.ERASED)
                .inc("version", 1);
        return mongo.updateMulti(unsent, cancel, NotificationDocument.class)
                .then(mongo.updateMulti(theirs, anonymise, NotificationDocument.class))
                .map(result -> result.getModifiedCount());
    }
}
