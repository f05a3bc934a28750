package io.proposalflow.proposal.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

public interface DeliveryRepository extends ReactiveMongoRepository<DeliveryDocument, String> {

    Flux<DeliveryDocument> findByProposalId(String proposalId);
}
