package io.proposalflow.proposal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.RecipientKind;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.Delivery;
import io.proposalflow.proposal.domain.Lifecycle;
import io.proposalflow.proposal.domain.Proposals;
import io.proposalflow.testsupport.MovableClock;

/** Closed proposals and their free texts are deleted once the programme's retention period is over. */
class ProposalRetentionTest extends ServiceTest {

    private static final Duration RETENTION = Duration.ofDays(3650);

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void tenYearsAfterItWasClosedAProposalIsDeletedWithItsDeliveriesAnOpenOneStays() {
        UUID rejected = givenProposalIn(ProposalStatus.REJECTED);
        UUID withdrawn = givenProposalIn(ProposalStatus.WITHDRAWN);
        UUID open = givenProposalIn(ProposalStatus.IN_REVIEW);
        mongo.insert(new DeliveryDocument(UUID.randomUUID().toString(), rejected.toString(),
                new Delivery("n-1", "e-1", "io.proposalflow.proposal.submitted.v1", RecipientKind.PARTNER,
                        "stiftung-neuerkerode", "Stiftung Neuerkerode", true, Proposals.T0))).block();
        Instant closedAt = Proposals.T0;

        // a day before the period ends nothing is deleted
        MovableClock clock = new MovableClock(closedAt.plus(RETENTION).minus(Duration.ofDays(1)));
        ProposalRetention retention = new ProposalRetention(mongo, RETENTION, clock);
        retention.run().block();
        assertThat(load(rejected)).isNotNull();

        clock.advance(Duration.ofDays(2));
        retention.run().block();
        assertThat(load(rejected)).isNull();
        assertThat(load(withdrawn)).isNull();
        assertThat(load(open)).as("an open proposal is never due").isNotNull();
        assertThat(mongo.findAll(Document.class, DeliveryDocument.COLLECTION).collectList().block())
                .noneMatch(d -> rejected.toString().equals(d.getString("proposalId")));

        // nothing due remains in the collection
        Instant cutoff = closedAt.plus(Duration.ofDays(1));
        List<Document> left = mongo.findAll(Document.class, ProposalDocument.COLLECTION).collectList().block();
        assertThat(left).noneMatch(d -> Lifecycle.isFinal(ProposalStatus.valueOf(d.getString("status")))
                && d.getDate("updatedAt").toInstant().isBefore(cutoff));
    }
}
