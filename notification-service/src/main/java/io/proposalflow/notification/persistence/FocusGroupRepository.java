package io.proposalflow.notification.persistence;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface FocusGroupRepository extends ReactiveMongoRepository<FocusGroupDocument, String> {
}
