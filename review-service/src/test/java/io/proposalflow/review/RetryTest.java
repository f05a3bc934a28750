package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;

/**
 * A reviewer whose decision timed out sends it again with the same Idempotency-Key: the decision is
 * recorded once, announced once, and the reviewer gets the first answer.
 */
class RetryTest extends ReviewServiceTestBase {

    private static final Map<String, Object> APPROVAL = Map.of("decision", "APPROVE", "scores",
            Map.of("need", 5, "feasibility", 4, "integrationImpact", 4, "sustainability", 3));

    @Test
    void aReviewerResendingADecisionGetsTheSameAnswerAndTheCaseCompletesOnce() {
        UUID proposalId = openCase();
        UUID caseId = ReviewCase.idFor(proposalId, 1);
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<byte[]> first = as("rev-kvhs").post().uri("/api/reviews/{id}/decisions", caseId)
                .header("Idempotency-Key", key).bodyValue(APPROVAL).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        EntityExchangeResult<byte[]> again = as("rev-kvhs").post().uri("/api/reviews/{id}/decisions", caseId)
                .header("Idempotency-Key", key).bodyValue(APPROVAL).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        // the marker: the other reviewer's decision completes the case, announced after rev-kvhs's
        as("rev-migration").post().uri("/api/reviews/{id}/decisions", caseId).bodyValue(APPROVAL).exchange()
                .expectStatus().isOk();
        nothingMorePublished("the case was completed once", proposalId, ReviewCompleted.class,
                events -> assertThat(only(ReviewCompleted.class, events)).hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherDecisionIsRefusedAndChangesNothing() {
        UUID proposalId = openCase();
        UUID caseId = ReviewCase.idFor(proposalId, 1);
        String key = UUID.randomUUID().toString();
        as("rev-kvhs").post().uri("/api/reviews/{id}/decisions", caseId).header("Idempotency-Key", key)
                .bodyValue(APPROVAL).exchange().expectStatus().isOk();

        as("rev-kvhs").post().uri("/api/reviews/{id}/decisions", caseId).header("Idempotency-Key", key)
                .bodyValue(Map.of("decision", "REJECT", "comment", "doch nicht", "scores",
                        Map.of("need", 1, "feasibility", 1, "integrationImpact", 1, "sustainability", 1)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("rev-kvhs").get().uri("/api/reviews/{id}", caseId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers[?(@.reviewerId == 'rev-kvhs')].decision").isEqualTo(
                        java.util.List.of("APPROVE"));
    }

    /** The Neuerkerode proposal: rev-kvhs and rev-migration are its reviewers. */
    private UUID openCase() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        return proposalId;
    }
}
