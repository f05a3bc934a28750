package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.EventEnvelope;
import io.proposalflow.events.EventSamples;
import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ProposalResubmitted;
import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ProposalWithdrawn;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.testsupport.Eventually;

/**
 * From a proposal event on the real broker to a completed review: opening, assignment without
 * conflicts of interest, decisions through the API, the outcome, withdrawal and duplicates.
 * The Neuerkerode proposal (WORK_ECONOMY, partners Stiftung Neuerkerode and Jobcenter Goslar)
 * meets the demo panel rev-jobcenter, rev-neuerkerode (partner conflicts), rev-arbeitswelt
 * (submitting focus group), rev-kvhs and rev-migration: only the last two may review it.
 */
class ReviewFlowTest extends ReviewServiceTestBase {

    @Test
    void aSubmittedProposalOpensACaseAssignedToReviewersWithoutConflictsOfInterest() {
        UUID proposalId = submitNeuerkerode();

        ReviewCaseDocument reviewCase = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);

        assertThat(reviewCase.getReviewerIds()).containsExactlyInAnyOrder("rev-kvhs", "rev-migration");
        assertThat(reviewCase.getState().content()).isEqualTo(EventSamples.neuerkerodeContent());
        List<ReviewEvent> events = reviewEvents(proposalId, e -> only(ReviewersAssigned.class, e).size() == 1);
        assertThat(only(ReviewOpened.class, events)).singleElement()
                .satisfies(e -> assertThat(e.themenfeld()).isEqualTo(Themenfeld.WORK_ECONOMY));
        assertThat(only(ReviewersAssigned.class, events)).singleElement().satisfies(e -> {
            assertThat(e.reviewerIds()).containsExactlyInAnyOrder("rev-kvhs", "rev-migration");
            assertThat(e.manual()).isFalse();
        });
    }

    @Test
    void aDuplicateSubmissionOpensOneCaseNotTwo() {
        UUID proposalId = UUID.randomUUID();
        ProposalSubmitted submitted = new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(),
                "fg-arbeitswelt");
        EventEnvelope first = send(submitted);
        send(first); // redelivery of the same event
        send(submitted); // the same submission published twice under another event id
        EventEnvelope marker = send(new ProposalWithdrawn(proposalId, 2, ProposalStatus.IN_REVIEW, "", "fg-arbeitswelt"));

        Eventually.nothingHappened("the repeated submissions opened no second case",
                () -> hasConsumed(proposalId, marker),
                () -> assertThat(mongo.count(Query.query(Criteria.where("proposalId").is(proposalId.toString())),
                        ReviewCaseDocument.class).block()).isEqualTo(1));
        List<ReviewEvent> events = reviewEvents(proposalId, e -> !only(ReviewCancelled.class, e).isEmpty());
        assertThat(only(ReviewOpened.class, events)).hasSize(1);
        assertThat(only(ReviewersAssigned.class, events)).hasSize(1);
    }

    @Test
    void aResubmissionOpensTheNextRoundWithTheRevisedContent() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        ProposalContent revised = content(Themenfeld.WORK_ECONOMY, "stiftung-neuerkerode");

        send(new ProposalResubmitted(proposalId, 5, 2, revised, "fg-arbeitswelt"));

        ReviewCaseDocument second = awaitCase(proposalId, 2, c -> c.getState().status() == ReviewStatus.OPEN);
        assertThat(second.getState().round()).isEqualTo(2);
        assertThat(second.getState().content()).isEqualTo(revised);
    }

    @Test
    void theCasesOfOneProposalAreListedByItsIdWithoutPagingThroughAllOthers() {
        UUID proposalId = submitNeuerkerode();
        UUID other = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        awaitCase(other, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        send(new ProposalResubmitted(proposalId, 5, 2, content(Themenfeld.WORK_ECONOMY, "stiftung-neuerkerode"),
                "fg-arbeitswelt"));
        awaitCase(proposalId, 2, c -> c.getState().status() == ReviewStatus.OPEN);

        as("koordination").get().uri("/api/reviews?proposalId={id}&size=100", proposalId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(2)
                .jsonPath("$.content[*].proposalId").isEqualTo(List.of(proposalId.toString(), proposalId.toString()))
                .jsonPath("$.content[*].round").value(rounds -> assertThat(((List<?>) rounds).stream()
                        .map(String::valueOf).toList()).containsExactlyInAnyOrder("1", "2"));
    }

    @Test
    void withdrawalCancelsTheOpenCase() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);

        send(new ProposalWithdrawn(proposalId, 3, ProposalStatus.IN_REVIEW, "Förderung anderweitig gesichert",
                "fg-arbeitswelt"));

        ReviewCaseDocument cancelled = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.CANCELLED);
        assertThat(cancelled.getState().cancelReason()).contains("Förderung anderweitig gesichert");
        assertThat(only(ReviewCancelled.class, reviewEvents(proposalId,
                e -> !only(ReviewCancelled.class, e).isEmpty()))).hasSize(1);
        decide(caseOf(proposalId), "rev-kvhs", "APPROVE", null).expectStatus().isEqualTo(409);
    }

    @Test
    void aSubmissionArrivingAfterTheWithdrawalOpensNoCase() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalWithdrawn(proposalId, 3, ProposalStatus.SUBMITTED, "", "fg-arbeitswelt"));
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        // the marker: another proposal's submission under this proposal's key, so consumed after both
        UUID marker = UUID.randomUUID();
        sendWithKey(proposalId.toString(),
                new ProposalSubmitted(marker, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));

        Eventually.nothingHappened("the late submission opened no case",
                () -> mongo.findById(caseOf(marker).toString(), ReviewCaseDocument.class).block() != null,
                () -> assertThat(mongo.findById(caseOf(proposalId).toString(), ReviewCaseDocument.class).block())
                        .isNull());
    }

    @ParameterizedTest(name = "{0} and {1} -> {2}")
    @CsvSource({ "APPROVE, APPROVE, APPROVED", "APPROVE, REJECT, REJECTED",
            "APPROVE, REQUEST_CHANGES, CHANGES_REQUESTED", "REJECT, REJECT, REJECTED" })
    void whenEveryReviewerHasDecidedTheCaseCompletesWithTheOutcomeOfTheQuorumPolicy(String kvhs, String migration,
            ReviewOutcome expected) {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = caseOf(proposalId);

        decide(caseId, "rev-kvhs", kvhs, "Begründung KVHS").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN");
        decide(caseId, "rev-migration", migration, "Begründung Landkreis").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.result.outcome").isEqualTo(expected.name());

        ReviewCompleted completed = only(ReviewCompleted.class,
                reviewEvents(proposalId, e -> !only(ReviewCompleted.class, e).isEmpty())).get(0);
        assertThat(completed.outcome()).isEqualTo(expected);
        assertThat(completed.averageScores().need()).isEqualTo(new BigDecimal("4.50"));
        assertThat(completed.comments()).extracting(c -> c.reviewerId())
                .containsExactlyInAnyOrder("rev-kvhs", "rev-migration");
    }

    @Test
    void aReviewerMayReviseTheirDecisionUntilTheCaseCloses() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = caseOf(proposalId);

        decide(caseId, "rev-kvhs", "REJECT", "Bedarf nicht belegt").expectStatus().isOk();
        decide(caseId, "rev-kvhs", "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers[0].decision").isEqualTo("APPROVE");
        decide(caseId, "rev-migration", "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.result.outcome").isEqualTo("APPROVED");
        decide(caseId, "rev-kvhs", "REJECT", "doch nicht").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("COMPLETED");

        // the revised decision counts: one completion, with rev-kvhs's second word
        List<ReviewEvent> events = reviewEvents(proposalId, e -> !only(ReviewCompleted.class, e).isEmpty());
        assertThat(only(ReviewCompleted.class, events)).singleElement().satisfies(completed -> {
            assertThat(completed.outcome()).isEqualTo(io.proposalflow.events.ReviewOutcome.APPROVED);
            assertThat(completed.comments()).noneMatch(c -> "Bedarf nicht belegt".equals(c.comment()));
        });
    }

    @Test
    void aReviewerWhoIsNotAssignedCannotDecideOrSeeTheCase() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = caseOf(proposalId);

        decide(caseId, "rev-jobcenter", "APPROVE", null).expectStatus().isNotFound();
        decide(caseId, "rev-arbeitswelt", "APPROVE", null).expectStatus().isNotFound();
        as("rev-jobcenter").get().uri("/api/reviews/{id}", caseId).exchange().expectStatus().isNotFound();

        ReviewCaseDocument unchanged = awaitCase(proposalId, 1, c -> true);
        assertThat(unchanged.getState().reviewers()).allSatisfy(r -> assertThat(r.hasDecided()).isFalse());
    }

    @Test
    void aRejectionWithoutCommentOrWithScoresOutOfRangeIsABadRequest() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = caseOf(proposalId);

        decide(caseId, "rev-kvhs", "REJECT", null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");
        as("rev-kvhs").post().uri("/api/reviews/{id}/decisions", caseId)
                .bodyValue(Map.of("decision", "APPROVE", "scores",
                        Map.of("need", 6, "feasibility", 0, "integrationImpact", 3, "sustainability", 3)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void reviewersListOnlyTheirOwnCasesAndCoordinatorsSeeAll() {
        UUID proposalId = submitNeuerkerode();
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        String caseId = caseOf(proposalId).toString();

        as("rev-kvhs").get().uri("/api/reviews?size=100").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[?(@.id == '" + caseId + "')]").exists()
                .jsonPath("$.content[0].status").isEqualTo("OPEN")
                .jsonPath("$.content[?(@.id == '" + caseId + "')].reviewers[*].reviewerId")
                .value(ids -> assertThat((List<Object>) ids).containsExactly("rev-kvhs"));
        as("rev-jobcenter").get().uri("/api/reviews?size=100").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.content[?(@.id == '" + caseId + "')]").doesNotExist();
        as("koordination").get().uri("/api/reviews/{id}", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers.length()").isEqualTo(2)
                .jsonPath("$.proposal.title").isEqualTo(EventSamples.NEUERKERODE_TITLE);
        anonymous().get().uri("/api/reviews").exchange().expectStatus().isUnauthorized();
        as("fg-arbeitswelt").get().uri("/api/reviews").exchange().expectStatus().isForbidden();
    }

    @Test
    void aCaseWithTooFewEligibleReviewersWaitsUntilACoordinatorAssignsByHand() {
        // EMPOWERMENT panel: rev-migration works for the Landkreis, which is a partner here
        putPanel(Themenfeld.EMPOWERMENT, "rev-migration", "landkreis-goslar", "rev-ehrenamt", "freiwilligenagentur-goslar");
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, content(Themenfeld.EMPOWERMENT, "landkreis-goslar"), "fg-empowerment"));
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.UNASSIGNED);
        UUID caseId = caseOf(proposalId);

        assign(caseId, "rev-migration").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("landkreis-goslar"));
        assign(caseId, "rev-ehrenamt").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN");

        List<ReviewEvent> events = reviewEvents(proposalId, e -> !only(ReviewersAssigned.class, e).isEmpty());
        assertThat(only(ReviewersAssigned.class, events)).singleElement().satisfies(e -> {
            assertThat(e.reviewerIds()).containsExactly("rev-ehrenamt");
            assertThat(e.manual()).isTrue();
        });
        decide(caseId, "rev-ehrenamt", "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.result.outcome").isEqualTo("APPROVED");
    }

    @Test
    void newCasesGoToTheReviewersWithFewestOpenCases() {
        String prefix = "spread-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        putPanel(Themenfeld.EMPOWERMENT, prefix + "a", "x", prefix + "b", "x", prefix + "c", "x", prefix + "d", "x");

        List<List<String>> assigned = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID proposalId = UUID.randomUUID();
            send(new ProposalSubmitted(proposalId, 1, content(Themenfeld.EMPOWERMENT), "fg-empowerment"));
            assigned.add(awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN).getReviewerIds());
        }

        assertThat(assigned.get(0)).containsExactlyInAnyOrder(prefix + "a", prefix + "b");
        assertThat(assigned.get(1)).containsExactlyInAnyOrder(prefix + "c", prefix + "d");
        assertThat(assigned.get(2)).containsExactlyInAnyOrder(prefix + "a", prefix + "b");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndLaterEventsAreStillHandled() {
        UUID proposalId = UUID.randomUUID();
        // a well-formed event of a type this service does not handle is ignored, not dead-lettered
        send(new io.proposalflow.events.ProposalStatusChanged(proposalId, 1, Themenfeld.WORK_ECONOMY, "Titel",
                ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, null));
        sendRaw("proposal-events", proposalId.toString(), "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_source", "urn:test", "ce_specversion", "1.0",
                        "ce_type", "io.proposalflow.proposal.submitted.v1"));
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));

        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        try (var probe = new io.proposalflow.testsupport.TopicProbe(
                io.proposalflow.testsupport.TestBackends.get().kafkaBootstrapServers(),
                "error.proposal-events.review-service")) {
            assertThat(awaitRecords(probe, proposalId.toString())).hasSize(1);
        }
    }

    // --- helpers

    private UUID submitNeuerkerode() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        return proposalId;
    }

    private boolean hasConsumed(UUID proposalId, EventEnvelope event) {
        ReviewCaseDocument reviewCase = mongo.findById(caseOf(proposalId).toString(), ReviewCaseDocument.class)
                .block();
        return reviewCase != null && reviewCase.hasConsumed(event.id());
    }

    private static UUID caseOf(UUID proposalId) {
        return ReviewCase.idFor(proposalId, 1);
    }

    private WebTestClient.ResponseSpec decide(UUID caseId, String reviewer, String decision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("scores", Map.of("need", reviewer.equals("rev-kvhs") ? 5 : 4, "feasibility", 3,
                "integrationImpact", 4, "sustainability", 3));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(reviewer).post().uri("/api/reviews/{id}/decisions", caseId).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec assign(UUID caseId, String... reviewerIds) {
        return as("koordination").post().uri("/api/reviews/{id}/assignments", caseId)
                .bodyValue(Map.of("reviewerIds", List.of(reviewerIds))).exchange();
    }

    /** Pairs of reviewer id and organisation. */
    private void putPanel(Themenfeld themenfeld, String... idsAndOrganisations) {
        List<Map<String, Object>> reviewers = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndOrganisations.length; i += 2) {
            reviewers.add(Map.of("id", idsAndOrganisations[i], "displayName", idsAndOrganisations[i],
                    "affiliations", List.of(idsAndOrganisations[i + 1])));
        }
        as("koordination").put().uri("/api/panels/{t}", themenfeld).bodyValue(Map.of("reviewers", reviewers))
                .exchange().expectStatus().isOk();
    }

    static ProposalContent content(Themenfeld themenfeld, String... partnerIds) {
        List<PartnerRef> partners = java.util.Arrays.stream(partnerIds).map(id -> new PartnerRef(id, id, "Partner"))
                .toList();
        return new ProposalContent("Sprachcafé mit Kinderbetreuung", "Offenes Sprachcafé in Goslar-Oker.",
                themenfeld, List.of("Deutsch im Alltag üben"), List.of("Zugewanderte Eltern"), partners,
                new BigDecimal("4800.00"), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31), null);
    }

}
