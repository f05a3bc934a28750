package io.proposalflow.platform.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The first answer to each idempotency key, one document per caller and key in the service's own
 * database ({@value #COLLECTION}), removed by a TTL index after the retention (24 h). Lookups ignore
 * older documents too, as the MongoDB stand-in never expires anything.
 */
public class IdempotencyRecords {

    public static final String COLLECTION = "idempotency_keys";

    /** What a key's document says. */
    public sealed interface Found {
    }

    /** No answer yet; this request now owns the key. */
    public record Claimed() implements Found {
    }

    /** The first request with this key sent another body, or went to another operation. */
    public record OtherRequest() implements Found {
    }

    /** The first request with this key is still being processed. */
    public record InProgress() implements Found {
    }

    /** The first answer, to be repeated. */
    public record Answer(int status, Map<String, String> headers, byte[] body) implements Found {
    }

    private final ReactiveMongoOperations mongo;
    private final Duration retention;
    private final Duration lease;
    private final Clock clock;
    private final Mono<String> index;

    public IdempotencyRecords(ReactiveMongoOperations mongo, Duration retention, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
        this.index = mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(retention).named("expiry"))
                .onErrorResume(e -> Mono.just("not created: " + e.getMessage()))
                .cache();
    }

    /**
     * Claims {@code id} for a request with {@code fingerprint}, or says why not. A claim whose
     * holder did not answer within the lease (it crashed, or its client went away and cancelled it)
     * may be taken over.
     */
    public Mono<Found> claim(String id, String fingerprint) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("fingerprint", fingerprint).append("state", "IN_PROGRESS")
                .append("createdAt", Date.from(now)).append("leaseUntil", Date.from(now.plus(lease)));
        return index.then(mongo.insert(claim, COLLECTION))
                .<Found>thenReturn(new Claimed())
                .onErrorResume(DuplicateKeyException.class, duplicate -> existing(id, fingerprint, claim, now));
    }

    private Mono<Found> existing(String id, String fingerprint, Document claim, Instant now) {
        return mongo.findById(id, Document.class, COLLECTION)
                .flatMap(found -> {
                    Instant created = found.getDate("createdAt").toInstant();
                    if (created.isBefore(now.minus(retention))) {
                        // expired, but not yet removed: this request starts afresh
                        return replace(id, found, claim);
                    }
                    if (!fingerprint.equals(found.getString("fingerprint"))) {
                        return Mono.just(new OtherRequest());
                    }
                    if ("DONE".equals(found.getString("state"))) {
                        return Mono.just(answer(found));
                    }
                    if (found.getDate("leaseUntil").toInstant().isBefore(now)) {
                        return replace(id, found, claim);
                    }
                    return Mono.just(new InProgress());
                })
                // removed between insert and read: try once more
                .switchIfEmpty(Mono.defer(() -> mongo.insert(claim, COLLECTION).<Found>thenReturn(new Claimed())
                        .onErrorReturn(DuplicateKeyException.class, new InProgress())));
    }

    /** Takes over a document only if nobody else did since it was read. */
    private Mono<Found> replace(String id, Document found, Document claim) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("leaseUntil").is(found.getDate("leaseUntil"))
                .and("state").is(found.getString("state")));
        return mongo.findAndReplace(unchanged, claim, COLLECTION)
                .<Found>map(previous -> new Claimed())
                .defaultIfEmpty(new InProgress());
    }

    /** Records the first answer, so that a repeat gets it. */
    public Mono<Void> answer(String id, int status, Map<String, String> headers, byte[] body) {
        Update update = new Update().set("state", "DONE").set("status", status).set("headers", new Document(headers))
                .set("body", new Binary(body)).unset("leaseUntil");
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, COLLECTION).then();
    }

    /** Gives the key free again: the request failed without an answer worth repeating (5xx). */
    public Mono<Void> release(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("IN_PROGRESS")), COLLECTION)
                .then();
    }

    private static Answer answer(Document found) {
        Map<String, String> headers = new LinkedHashMap<>();
        Document stored = found.get("headers", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        Object body = found.get("body");
        byte[] bytes = body instanceof Binary binary ? binary.getData() : body instanceof byte[] b ? b : new byte[0];
        return new Answer(found.getInteger("status"), headers, bytes);
    }
}
