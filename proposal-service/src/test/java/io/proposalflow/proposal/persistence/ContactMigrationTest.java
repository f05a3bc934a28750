package io.proposalflow.proposal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.ContactText;

/** Proposals stored before the rule lose the addresses and numbers in their contact; nothing else changes. */
class ContactMigrationTest extends ServiceTest {

    @Autowired
    ContactMigration migration;

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void aStoredContactWithAnAddressAndAPhoneNumberKeepsOnlyTheRest() {
        UUID withBoth = storedWithContact("Sabine Müller, sabine.mueller@example.org, Tel. 05321 76-0");
        UUID onlyAnAddress = storedWithContact("fokusgruppe-arbeit@example.org");
        UUID fine = storedWithContact("Fokusgruppe Arbeitswelt & Wirtschaft");
        long versionBefore = load(withBoth).getVersion();

        migration.migrate().block();

        assertThat(load(withBoth).state().contact()).isEqualTo("Sabine Müller");
        assertThat(load(withBoth).getVersion()).isEqualTo(versionBefore + 1);
        assertThat(load(withBoth).state().status()).isEqualTo(ProposalStatus.IN_REVIEW);
        assertThat(load(onlyAnAddress).state().contact()).isNull();
        assertThat(load(fine).state().contact()).isEqualTo("Fokusgruppe Arbeitswelt & Wirtschaft");
        // and no stored proposal holds an address or a phone number any more
        assertThat(repository.findCreated(null, null).map(d -> String.valueOf(d.state().contact())).collectList().block())
                .allSatisfy(contact -> assertThat(ContactText.problem(contact)).as(contact).isNull());
        assertThat(migration.migrate().block()).as("a second run finds nothing").isZero();
    }

    /** A proposal as an older version of the service stored it, before the API refused such contacts. */
    private UUID storedWithContact(String contact) {
        UUID id = givenProposalIn(ProposalStatus.IN_REVIEW);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id.toString())), new Update().set("contact", contact),
                ProposalDocument.COLLECTION).block();
        return id;
    }
}
