package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface ProposalRepository extends ReactiveMongoRepository<ProposalDocument, String> {
}
