package io.proposalflow.notification.persistence;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

public interface PartnerRepository extends ReactiveMongoRepository<PartnerDocument, String> {

    /** One page of the organisations, in the order the request asks for. */
    Flux<PartnerDocument> findAllBy(Pageable page);
}
