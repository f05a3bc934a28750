package io.proposalflow.notification.persistence;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

public interface ReviewerRepository extends ReactiveMongoRepository<ReviewerDocument, String> {
    /** One page, in the order the pageable names. */
    Flux<ReviewerDocument> findAllBy(Pageable page);
}
