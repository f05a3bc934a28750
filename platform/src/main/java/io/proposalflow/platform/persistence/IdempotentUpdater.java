package io.proposalflow.platform.persistence;

import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import reactor.core.publisher.Mono;

/**
 * Applies a consumed event to an aggregate document at most once.
 *
 * <p>Load, skip if the event id is already remembered, change, remember the id, save with the
 * optimistic version: the effect and the memory of it are one write, so a redelivery after a
 * crash at any point either finds the id (no second effect) or finds nothing written (the
 * effect happens now). A concurrent change of the same document makes the save fail on the
 * version; the whole step is then retried on fresh state.
 */
public class IdempotentUpdater {

    public enum Result { APPLIED, DUPLICATE, NOT_FOUND }

    private final ReactiveMongoOperations mongo;

    public IdempotentUpdater(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * @param change mutates the loaded document (and may enqueue events); it may run more than
     *               once if the save meets a concurrent change, so it must only touch the document
     */
    public <D extends AggregateDocument> Mono<Result> applyOnce(
            Class<D> type, Object id, String eventId, Consumer<D> change) {
        return OptimisticRetry.onConflict(() -> mongo.findById(id, type)
                .flatMap(document -> {
                    if (document.hasConsumed(eventId)) {
                        return Mono.just(Result.DUPLICATE);
                    }
                    change.accept(document);
                    document.markConsumed(eventId);
                    return mongo.save(document).thenReturn(Result.APPLIED);
                })
                .defaultIfEmpty(Result.NOT_FOUND));
    }

    /**
     * Creates a document whose id is derived from the event (so a redelivery derives the same
     * id) and which remembers the event; a second insert meets the unique {@code _id} and is
     * reported as a duplicate.
     */
    public <D extends AggregateDocument> Mono<Result> createOnce(D document, String eventId) {
        document.markConsumed(eventId);
        return mongo.insert(document)
                .thenReturn(Result.APPLIED)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(Result.DUPLICATE));
    }
}
