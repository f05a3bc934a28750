package io.proposalflow.review.persistence;

import java.util.Arrays;
import java.util.Collection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.stereotype.Component;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.ReviewPanel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and replaces review panels; a Themenfeld without a stored panel has an empty one. */
@Component
public class ReviewPanelStore {

    private final ReactiveMongoOperations mongo;

    public ReviewPanelStore(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    public Mono<ReviewPanel> panel(Themenfeld themenfeld) {
        return mongo.findById(themenfeld.name(), ReviewPanelDocument.class)
                .map(ReviewPanelDocument::toDomain)
                .defaultIfEmpty(ReviewPanel.empty(themenfeld));
    }

    /** All six panels in Themenfeld order. */
    public Flux<ReviewPanel> all() {
        return Flux.fromIterable(Arrays.asList(Themenfeld.values())).concatMap(this::panel);
    }

    public Mono<ReviewPanel> replace(ReviewPanel panel) {
        return mongo.save(ReviewPanelDocument.of(panel)).map(ReviewPanelDocument::toDomain);
    }

    /**
     * Stores the given panels only if no panel exists yet (first start of an empty database).
     * Two instances starting together may both try; the unique id lets one win per panel.
     */
    public Mono<Boolean> seedIfEmpty(Collection<ReviewPanel> panels) {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), ReviewPanelDocument.class)
                .flatMap(count -> count > 0 ? Mono.just(false)
                        : Flux.fromIterable(panels)
                                .concatMap(p -> mongo.insert(ReviewPanelDocument.of(p))
                                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                                .then(Mono.just(true)));
    }
}
