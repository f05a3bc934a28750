package io.proposalflow.notification.persistence;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ErasureRepository extends ReactiveMongoRepository<ErasureDocument, String> {
    /** One page, in the order the pageable names. */
    Flux<ErasureDocument> findAllBy(Pageable page);

    Flux<ErasureDocument> findByContactId(String contactId);

    Mono<Boolean> existsByContactId(String contactId);
}
