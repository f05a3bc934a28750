package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.persistence.ReviewCaseDocument;

/**
 * Issue 19, item 4, over HTTP: the coordination removes or replaces a reviewer on an open case
 * ({@code /api/reviews/{id}/reviewers/{reviewerId}}, If-Match with the case's ETag), so a case no
 * longer waits forever for a reviewer who left or became conflicted after assignment.
 */
class ReviewerChangeApiTest extends ReviewServiceTestBase {

    @Test
    void aCoordinatorRemovesAReviewerWhoWillNotDecideAndTheCaseCompletesOnTheOthersDecision() {
        // Neuerkerode (WORK_ECONOMY): only rev-kvhs and rev-migration are free of conflicts
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = ReviewCase.idFor(proposalId, 1);
        decide(caseId, "rev-kvhs", "APPROVE", null).expectStatus().isOk();
        String etag = etagOf(caseId);

        remove(caseId, "rev-migration", null).expectStatus().isEqualTo(428)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        remove(caseId, "rev-migration", "\"999\"").expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        remove(caseId, "rev-jobcenter", etag).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as("rev-kvhs").delete().uri("/api/reviews/{id}/reviewers/{r}", caseId, "rev-migration")
                .header("If-Match", etag).exchange().expectStatus().isForbidden();
        assertThat(awaitCase(proposalId, 1, c -> true).getReviewerIds()).hasSize(2);

        remove(caseId, "rev-migration", etag).expectStatus().isOk()
                .expectHeader().value("ETag", newTag -> assertThat(newTag).isNotEqualTo(etag))
                .expectBody()
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.reviewers[*].reviewerId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactly("rev-kvhs"));

        as("koordination").get().uri("/api/reviews/{id}", caseId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result.outcome").isEqualTo("APPROVED");
        decide(caseId, "rev-migration", "REJECT", "zu spät").expectStatus().isNotFound();
        remove(caseId, "rev-kvhs", etagOf(caseId)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("COMPLETED");

        List<ReviewEvent> events = reviewEvents(proposalId, e -> !only(ReviewCompleted.class, e).isEmpty());
        assertThat(only(ReviewerRemoved.class, events)).singleElement().satisfies(e -> {
            assertThat(e.reviewerId()).isEqualTo("rev-migration");
            assertThat(e.decisionDiscarded()).isFalse();
        });
        assertThat(only(ReviewCompleted.class, events)).singleElement()
                .satisfies(e -> assertThat(e.comments()).extracting(c -> c.reviewerId()).containsExactly("rev-kvhs"));
    }

    @Test
    void aCoordinatorReplacesAReviewerByAPanelMemberFreeOfConflictsWhoThenDecides() {
        // EDUCATION_LANGUAGE panel: rev-kvhs, rev-migration, rev-jobcenter, rev-ehrenamt; the Jobcenter is a partner
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1,
                ReviewFlowTest.content(Themenfeld.EDUCATION_LANGUAGE, "jobcenter-goslar"), "fg-bildung"));
        ReviewCaseDocument opened = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        UUID caseId = ReviewCase.idFor(proposalId, 1);
        String leaving = opened.getReviewerIds().get(0);
        String staying = opened.getReviewerIds().get(1);
        List<String> free = new ArrayList<>(List.of("rev-kvhs", "rev-migration", "rev-ehrenamt"));
        free.removeAll(opened.getReviewerIds());
        String replacement = free.get(0);
        decide(caseId, leaving, "REQUEST_CHANGES", "Bitte Konzept nachreichen").expectStatus().isOk();
        String etag = etagOf(caseId);

        replace(caseId, leaving, "rev-jobcenter", etag).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("jobcenter-goslar"));
        replace(caseId, leaving, "rev-arbeitswelt", etag).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("not on the review panel"));
        replace(caseId, leaving, staying, etag).expectStatus().isEqualTo(409);
        as("koordination").put().uri("/api/reviews/{id}/reviewers/{r}", caseId, leaving).header("If-Match", etag)
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("replacement");

        replace(caseId, leaving, replacement, etag).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.reviewers[*].reviewerId").value(ids -> assertThat((List<Object>) ids)
                        .containsExactlyInAnyOrder(staying, replacement));

        decide(caseId, staying, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OPEN");
        decide(caseId, replacement, "APPROVE", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                // the replaced reviewer's request for changes no longer counts
                .jsonPath("$.result.outcome").isEqualTo("APPROVED");

        List<ReviewEvent> events = reviewEvents(proposalId, e -> !only(ReviewCompleted.class, e).isEmpty());
        assertThat(only(ReviewerRemoved.class, events)).singleElement().satisfies(e -> {
            assertThat(e.reviewerId()).isEqualTo(leaving);
            assertThat(e.decisionDiscarded()).isTrue();
        });
        assertThat(only(ReviewersAssigned.class, events)).hasSize(2).last().satisfies(e -> {
            assertThat(e.reviewerIds()).containsExactly(replacement);
            assertThat(e.manual()).isTrue();
        });
    }

    @Test
    void anUnknownCaseIsNotFound() {
        UUID unknown = UUID.randomUUID();
        as("koordination").get().uri("/api/reviews/{id}/reviewers", unknown).exchange().expectStatus().isNotFound();
        remove(unknown, "rev-kvhs", "\"0\"").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- helpers

    private String etagOf(UUID caseId) {
        String etag = as("koordination").get().uri("/api/reviews/{id}/reviewers", caseId).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        return etag;
    }

    private WebTestClient.ResponseSpec remove(UUID caseId, String reviewerId, String ifMatch) {
        return as("koordination").delete().uri("/api/reviews/{id}/reviewers/{r}", caseId, reviewerId)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec replace(UUID caseId, String reviewerId, String replacement, String ifMatch) {
        return as("koordination").put().uri("/api/reviews/{id}/reviewers/{r}", caseId, reviewerId)
                .header("If-Match", ifMatch).bodyValue(Map.of("replacement", replacement)).exchange();
    }

    private WebTestClient.ResponseSpec decide(UUID caseId, String reviewer, String decision, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("scores", Map.of("need", 4, "feasibility", 3, "integrationImpact", 4, "sustainability", 3));
        if (comment != null) {
            body.put("comment", comment);
        }
        return as(reviewer).post().uri("/api/reviews/{id}/decisions", caseId).bodyValue(body).exchange();
    }
}
