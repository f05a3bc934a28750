package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface ReviewerRepository extends ReactiveMongoRepository<ReviewerDocument, String> {
}
