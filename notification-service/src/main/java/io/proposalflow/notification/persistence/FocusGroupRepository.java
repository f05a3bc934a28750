package io.proposalflow.notification.persistence;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

public interface FocusGroupRepository extends ReactiveMongoRepository<FocusGroupDocument, String> {
    /** One page, in the order the pageable names. */
    Flux<FocusGroupDocument> findAllBy(Pageable page);
}
