package io.proposalflow.events;

import java.util.UUID;

/**
 * Payload of every event the services exchange. Every event concerns one proposal, whose id is the
 * Kafka key and the CloudEvents subject.
 */
public sealed interface DomainEvent permits ProposalEvent, ReviewEvent, NotificationEvent {

    UUID proposalId();
}
