package io.proposalflow.proposal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.EventCodec;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.Proposals;
import io.proposalflow.proposal.persistence.ProposalDocument;
import io.proposalflow.proposal.persistence.ProposalRepository;
import io.proposalflow.testsupport.WithTestBackends;
import io.proposalflow.testsupport.ApiContract;

/**
 * Base of every Spring test of this service: one configuration, so all test classes share one cached
 * application context (and its Kafka consumers) against the test backends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithTestBackends
public abstract class ServiceTest {

    /** Focus group Arbeitswelt & Wirtschaft (WORK_ECONOMY): owns the proposals of {@link Proposals}. */
    protected static final String OWNER = "fg-arbeitswelt";
    /** Focus group Gesundheit (HEALTH): another group. */
    protected static final String OTHER_GROUP = "fg-gesundheit";
    protected static final String COORDINATOR = "koordination";
    protected static final String REVIEWER = "rev-jobcenter";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ProposalRepository repository;

    @Autowired
    protected EventCodec codec;

    protected WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("proposal-service"))
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, "demo"))
                .build();
    }

    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .filter(ApiContract.validating("proposal-service")).build();
    }

    /** A valid draft of the Arbeitswelt focus group, as JSON fields (mutable, to break one for a test). */
    protected static Map<String, Object> draftBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Pflegeausbildung für alleinerziehende Migrantinnen öffnen");
        body.put("summary", "Die Stiftung Neuerkerode öffnet ihre Pflegeausbildung, mit Kinderbetreuung.");
        body.put("themenfeld", "WORK_ECONOMY");
        body.put("goals", List.of("10 Ausbildungsplätze"));
        body.put("targetGroups", List.of("alleinerziehende Migrantinnen", "Geflüchtete in Arbeit"));
        body.put("partners", List.of(Map.of("id", "stiftung-neuerkerode", "name", "Stiftung Neuerkerode",
                "role", "Träger")));
        body.put("requestedBudgetEur", new BigDecimal("48000.00"));
        body.put("plannedStart", "2026-09-01");
        body.put("plannedEnd", "2027-08-31");
        body.put("fundingProgramme", "ESF Plus");
        body.put("contact", "Fokusgruppe Arbeitswelt & Wirtschaft");
        return body;
    }

    /** Creates a draft through the API as {@link #OWNER}; returns its id. */
    protected String createDraft(Map<String, Object> body) {
        return as(OWNER).post().uri("/api/proposals").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Stores a proposal of {@link #OWNER} that has reached {@code status} the way the lifecycle allows. */
    protected UUID givenProposalIn(ProposalStatus status) {
        Proposal proposal = Proposals.in(status);
        repository.save(ProposalDocument.of(proposal, codec)).block();
        return proposal.id();
    }

    /** The proposal's current version as the ETag the API gives, for If-Match. */
    protected String etagOf(Object id) {
        return "\"" + load(id).getVersion() + "\"";
    }

    protected ProposalDocument load(Object id) {
        return repository.findById(id.toString()).block();
    }
}
