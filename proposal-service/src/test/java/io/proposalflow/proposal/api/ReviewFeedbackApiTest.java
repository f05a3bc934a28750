package io.proposalflow.proposal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;
import io.proposalflow.events.ScoreAverages;
import io.proposalflow.proposal.ServiceTest;
import io.proposalflow.testsupport.EventSender;
import io.proposalflow.testsupport.Eventually;

/** What the reviewers asked for reaches the focus group through this API, and who asked does not. */
class ReviewFeedbackApiTest extends ServiceTest {

    @Test
    void theFocusGroupReadsTheReviewersCommentsButNoReviewerId() {
        UUID id = givenProposalIn(ProposalStatus.IN_REVIEW);
        EventSender.get().send(new ReviewCompleted(UUID.randomUUID(), id, 1, ReviewOutcome.CHANGES_REQUESTED,
                new ScoreAverages(new BigDecimal("3.00"), new BigDecimal("2.50"), new BigDecimal("4.00"),
                        new BigDecimal("3.50")),
                List.of(new ReviewComment("rev-jobcenter", ReviewDecision.REQUEST_CHANGES,
                                "Bitte Kinderbetreuungszeiten ergänzen."),
                        new ReviewComment("rev-kvhs", ReviewDecision.APPROVE, "")),
                "2 Gutachten: 1× befürwortet, 0× abgelehnt, 1× Änderungen erbeten"));
        Eventually.until("changes requested", () -> load(id).state().status() == ProposalStatus.CHANGES_REQUESTED);

        byte[] proposal = as(OWNER).get().uri("/api/proposals/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reviewFeedback.length()").isEqualTo(1)
                .jsonPath("$.reviewFeedback[0].round").isEqualTo(1)
                .jsonPath("$.reviewFeedback[0].outcome").isEqualTo("CHANGES_REQUESTED")
                .jsonPath("$.reviewFeedback[0].comments").isEqualTo(List.of("Bitte Kinderbetreuungszeiten ergänzen."))
                .jsonPath("$.reviewFeedback[0].completedAt")
                .value(String.class, at -> assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z"))
                .returnResult().getResponseBody();
        byte[] history = as(OWNER).get().uri("/api/proposals/{id}/history", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[?(@.what == 'REVIEW_COMPLETED')].note").isEqualTo(List.of(
                        "Überarbeitung erbeten (2 Gutachten: 1× befürwortet, 1× Überarbeitung erbeten)."
                                + " Hinweise aus der Begutachtung: „Bitte Kinderbetreuungszeiten ergänzen.“"))
                .returnResult().getResponseBody();

        for (byte[] body : List.of(proposal, history)) {
            assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("rev-jobcenter", "rev-kvhs",
                    "reviewerId");
        }
        // the coordination reads it too; another focus group does not even learn that the proposal exists
        as(COORDINATOR).get().uri("/api/proposals/{id}", id).exchange()
                .expectBody().jsonPath("$.reviewFeedback[0].comments[0]")
                .isEqualTo("Bitte Kinderbetreuungszeiten ergänzen.");
        as(OTHER_GROUP).get().uri("/api/proposals/{id}", id).exchange().expectStatus().isNotFound();
    }
}
