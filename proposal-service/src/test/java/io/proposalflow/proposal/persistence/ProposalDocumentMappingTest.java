package io.proposalflow.proposal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.proposalflow.events.FundingStage;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.HistoryKind;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalState;
import io.proposalflow.proposal.domain.Proposals;
import io.proposalflow.proposal.domain.ReviewFeedback;
import reactor.core.publisher.Mono;

/**
 * The proposal's state is stored as the domain's record, unwrapped into the document: every component
 * survives document -> domain -> document, and the stored layout is the one documents always had.
 */
class ProposalDocumentMappingTest extends ServiceTest {

    private static final Instant T0 = Proposals.T0;

    /** The top-level fields of a stored proposal, as every version of this service wrote them. */
    private static final List<String> STORED_FIELDS = List.of("_id", "content", "contact", "status", "round",
            "funding", "history", "createdBy", "createdAt", "updatedAt", "firstSubmittedAt", "decidedAt",
            "decision", "reviewFeedback", "version", "outbox", "consumedEventIds");

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Every component set (no null, no empty list, no zero), so none can be missed unnoticed. */
    static ProposalState everyComponentSet() {
        return new ProposalState(Proposals.content(), "Fokusgruppe Arbeitswelt & Wirtschaft", ProposalStatus.FUNDED,
                2, Proposals.funding(FundingStage.GRANTED),
                List.of(new HistoryEntry(T0, "koordination", HistoryKind.FUNDING_UPDATED,
                        ProposalStatus.FUNDING_APPLIED, ProposalStatus.FUNDED, "ESF Plus: GRANTED")),
                Proposals.FOCUS_GROUP_USER, T0, T0.plus(Duration.ofDays(90)), T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(30)), ReviewOutcome.APPROVED,
                List.of(new ReviewFeedback(1, ReviewOutcome.CHANGES_REQUESTED, List.of("Betreuung klären"),
                        T0.plus(Duration.ofDays(14)))));
    }

    @Test
    void theFixtureSetsEveryComponentOfTheState() throws Exception {
        ProposalState state = everyComponentSet();
        for (RecordComponent component : ProposalState.class.getRecordComponents()) {
            Object value = component.getAccessor().invoke(state);
            assertThat(value).as("set %s in everyComponentSet()", component.getName()).isNotNull();
            if (value instanceof Collection<?> values) {
                assertThat(values).as(component.getName()).isNotEmpty();
            }
            if (value instanceof Number number) {
                assertThat(number.longValue()).as(component.getName()).isNotZero();
            }
        }
    }

    @Test
    void everyComponentOfTheStateSurvivesDocumentToDomainToDocument() {
        UUID id = UUID.randomUUID();
        ProposalDocument document = ProposalDocument.of(Proposal.restore(id, 3L, everyComponentSet()), codec);
        document.setVersion(3L);

        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        ProposalDocument read = mongo.getConverter().read(ProposalDocument.class, bson);

        Proposal proposal = read.toDomain();
        assertThat(proposal.id()).isEqualTo(id);
        assertThat(proposal.version()).isEqualTo(3L);
        assertThat(proposal.state()).isEqualTo(everyComponentSet());
        assertThat(ProposalDocument.of(proposal, codec).state()).isEqualTo(document.state());
    }

    @Test
    void theStateIsStoredInTheLayoutDocumentsAlwaysHad() {
        Document bson = new Document();
        ProposalDocument document = ProposalDocument.of(Proposal.restore(UUID.randomUUID(), 0L, everyComponentSet()),
                codec);
        document.setVersion(0L);
        mongo.getConverter().write(document, bson);

        assertThat(bson.keySet()).filteredOn(key -> !key.equals("_class"))
                .containsExactlyInAnyOrderElementsOf(STORED_FIELDS);
        assertThat(bson.get("status")).isEqualTo("FUNDED");
        assertThat(bson.get("content", Document.class).get("themenfeld")).isEqualTo("WORK_ECONOMY");
    }

    @Test
    void aProposalStoredBeforeTheStateWasMappedDirectlyLoads() {
        // written with the plain driver, as an earlier version of the service stored it: no review feedback yet
        String id = UUID.randomUUID().toString();
        Document stored = new Document("_id", id)
                .append("content", new Document("title", "Sprachcafé Oker").append("summary", "Treffpunkt")
                        .append("themenfeld", "EDUCATION_LANGUAGE").append("goals", List.of("Deutsch üben"))
                        .append("targetGroups", List.of("Neuzugewanderte")).append("partners", List.of())
                        .append("requestedBudgetEur", "1200.00").append("plannedStart", "2026-09-01")
                        .append("plannedEnd", "2027-06-30"))
                .append("contact", "Fokusgruppe Bildung & Sprache")
                .append("status", "SUBMITTED").append("round", 1)
                .append("history", List.of(new Document("at", java.util.Date.from(T0)).append("actor", "fg-bildung")
                        .append("what", "SUBMITTED").append("from", "DRAFT").append("to", "SUBMITTED")))
                .append("createdBy", "fg-bildung").append("createdAt", java.util.Date.from(T0))
                .append("updatedAt", java.util.Date.from(T0)).append("firstSubmittedAt", java.util.Date.from(T0))
                .append("version", 4L).append("outbox", List.of()).append("consumedEventIds", List.of());
        mongo.getCollection(ProposalDocument.COLLECTION).flatMap(c -> Mono.from(c.insertOne(stored))).block();

        Proposal proposal = repository.findById(id).block().toDomain();

        assertThat(proposal.version()).isEqualTo(4L);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(proposal.round()).isEqualTo(1);
        assertThat(proposal.content().title()).isEqualTo("Sprachcafé Oker");
        assertThat(proposal.content().requestedBudgetEur()).isEqualByComparingTo("1200.00");
        assertThat(proposal.state().contact()).isEqualTo("Fokusgruppe Bildung & Sprache");
        assertThat(proposal.history()).singleElement().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(HistoryKind.SUBMITTED);
            assertThat(entry.at()).isEqualTo(T0);
        });
        assertThat(proposal.state().firstSubmittedAt()).isEqualTo(T0);
        assertThat(proposal.state().funding()).isNull();
        assertThat(proposal.reviewFeedback()).isEmpty();
    }

    @Test
    void aContactRemovedByAnEditIsRemovedFromTheStoredDocument() {
        Proposal draft = Proposals.draft();
        repository.save(ProposalDocument.of(draft, codec)).block();
        ProposalDocument loaded = repository.findById(draft.id().toString()).block();
        Proposal proposal = loaded.toDomain();
        assertThat(proposal.state().contact()).isNotNull();

        proposal.edit(Proposals.content(), null, Proposals.FOCUS_GROUP_USER, T0);
        loaded.apply(proposal, codec);
        repository.save(loaded).block();

        assertThat(repository.findById(draft.id().toString()).block().state().contact()).isNull();
    }
}
