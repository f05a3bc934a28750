package io.proposalflow.proposal.domain;

import static io.proposalflow.proposal.domain.ProposalFixture.given;
import static io.proposalflow.proposal.domain.Proposals.FOCUS_GROUP_USER;
import static io.proposalflow.proposal.domain.Proposals.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.ReviewComment;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewOutcome;

/** What the reviewers ask for reaches the focus group, without who asked. */
class ReviewFeedbackTest {

    private static final Instant COMPLETED = T0.plus(Duration.ofDays(14));

    private static final List<ReviewComment> CHANGES_ASKED = List.of(
            new ReviewComment("rev-jobcenter", ReviewDecision.REQUEST_CHANGES,
                    "  Bitte Kinderbetreuungszeiten ergänzen. "),
            new ReviewComment("rev-kvhs", ReviewDecision.APPROVE, null),
            new ReviewComment("rev-caritas", ReviewDecision.REQUEST_CHANGES, "   "),
            new ReviewComment("rev-awo", ReviewDecision.REQUEST_CHANGES, "Kosten für Sprachkurse aufschlüsseln."));

    @Test
    void aRequestForChangesKeepsTheCommentTextsForTheFocusGroupWithoutTheReviewers() {
        given(ProposalStatus.IN_REVIEW)
                .whenReviewEvent(p -> p.completeReview(1, ReviewOutcome.CHANGES_REQUESTED, CHANGES_ASKED, COMPLETED))
                // blank comments are left out, the others trimmed, in review-service's order
                .then(p -> assertThat(p.reviewFeedback()).containsExactly(new ReviewFeedback(1,
                        ReviewOutcome.CHANGES_REQUESTED,
                        List.of("Bitte Kinderbetreuungszeiten ergänzen.", "Kosten für Sprachkurse aufschlüsseln."),
                        COMPLETED)))
                .then(p -> assertThat(p.state().reviewFeedback()).isEqualTo(p.reviewFeedback()));
    }

    @Test
    void theHistoryNamesOutcomeDecisionsAndCommentsButNoReviewer() {
        String note = "Überarbeitung erbeten (4 Gutachten: 1× befürwortet,"
                + " 3× Überarbeitung erbeten). Hinweise aus der Begutachtung:"
                + " „Bitte Kinderbetreuungszeiten ergänzen.“ „Kosten für Sprachkurse aufschlüsseln.“";
        given(ProposalStatus.IN_REVIEW)
                .whenReviewEvent(p -> p.completeReview(1, ReviewOutcome.CHANGES_REQUESTED, CHANGES_ASKED, COMPLETED))
                .thenLastHistory(completed -> {
                    assertThat(completed.what()).isEqualTo(HistoryKind.REVIEW_COMPLETED);
                    assertThat(completed.note()).isEqualTo(note).doesNotContain("rev-");
                });
    }

    @Test
    void everyCompletedRoundAddsItsOwnFeedbackAndARejectionKeepsItsReasons() {
        // given: round 1 asked for changes, the focus group resubmitted
        Proposal resubmitted = Proposals.in(ProposalStatus.CHANGES_REQUESTED);
        resubmitted.resubmit(FOCUS_GROUP_USER, T0);
        resubmitted.openReview(2, T0);

        Proposal p = given(resubmitted)
                .whenReviewEvent(proposal -> proposal.completeReview(2, ReviewOutcome.REJECTED, List.of(
                        new ReviewComment("rev-jobcenter", ReviewDecision.REJECT, "Kein Bedarf im Landkreis belegt.")),
                        COMPLETED))
                .thenApplied()
                .proposal();

        assertThat(p.reviewFeedback()).extracting(ReviewFeedback::round, ReviewFeedback::outcome,
                ReviewFeedback::comments).containsExactly(
                        Tuple.tuple(1, ReviewOutcome.CHANGES_REQUESTED,
                                List.of("Betreuung klären")),
                        Tuple.tuple(2, ReviewOutcome.REJECTED,
                                List.of("Kein Bedarf im Landkreis belegt.")));
        assertThat(p.history().get(p.history().size() - 1).note())
                .isEqualTo("Abgelehnt (1 Gutachten: 1× abgelehnt). Hinweise aus der Begutachtung:"
                        + " „Kein Bedarf im Landkreis belegt.“");
    }

    @Test
    void anIgnoredCompletionKeepsNoFeedback() {
        List<ReviewFeedback> before = Proposals.in(ProposalStatus.APPROVED).reviewFeedback();
        given(ProposalStatus.APPROVED) // already decided
                .whenReviewEvent(p -> p.completeReview(1, ReviewOutcome.REJECTED, CHANGES_ASKED, COMPLETED))
                .thenIgnored()
                .then(p -> assertThat(p.reviewFeedback()).isEqualTo(before));
    }

    @Test
    void aProposalStoredBeforeFeedbackWasKeptHasNone() {
        ProposalState s = Proposals.in(ProposalStatus.DRAFT).state();

        ProposalState old = new ProposalState(s.content(), s.contact(), s.status(), s.round(), s.funding(),
                s.history(), s.createdBy(), s.createdAt(), s.updatedAt(), s.firstSubmittedAt(), s.decidedAt(),
                s.decision(), null);

        assertThat(Proposal.restore(java.util.UUID.randomUUID(), 0L, old).reviewFeedback()).isEmpty();
    }
}
