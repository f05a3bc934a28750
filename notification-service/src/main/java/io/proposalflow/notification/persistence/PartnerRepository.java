package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface PartnerRepository extends ReactiveMongoRepository<PartnerDocument, String> {
}
