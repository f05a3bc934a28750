package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface ErasureRepository extends ReactiveMongoRepository<ErasureDocument, String> {
}
