package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.application.ReviewCaseService;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import reactor.core.publisher.Flux;

/**
 * Issue 19, item 5: cases opened at the same moment (another partition, another instance) reserve
 * their reviewers atomically, so they spread over the panel instead of all reading the same load
 * and picking the same two; reviewers who already decided count as free.
 */
class FairAssignmentTest extends ReviewServiceTestBase {

    private static final Scores SCORES = new Scores(4, 4, 4, 4);

    @Autowired
    private ReviewCaseService reviews;

    @Test
    void simultaneousOpeningsSpreadOverThePanelAndTheLoadReturnsToZeroWhenTheCasesFinish() {
        List<String> panel = panelOfFour();
        List<UUID> proposals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            proposals.add(UUID.randomUUID());
        }

        // six submissions handled at the same moment, as by six partitions or instances: flatMap starts
        // all six at once, so each reads the load while the others are still choosing
        Flux.fromIterable(proposals)
                .flatMap(id -> reviews.open(id, 1, 1, ReviewFlowTest.content(Themenfeld.EMPOWERMENT),
                        UUID.randomUUID().toString()), 6)
                .collectList().block(Duration.ofSeconds(30));

        Map<String, Integer> assignments = new HashMap<>();
        panel.forEach(id -> assignments.put(id, 0));
        for (UUID proposalId : proposals) {
            ReviewCaseDocument reviewCase = caseOf(proposalId);
            assertThat(reviewCase.getState().status()).isEqualTo(ReviewStatus.OPEN);
            assertThat(reviewCase.getReviewerIds()).hasSize(2).doesNotHaveDuplicates();
            reviewCase.getReviewerIds().forEach(id -> assignments.merge(id, 1, Integer::sum));
        }
        // 12 reviews on 4 reviewers: a fair share is 3. Every reservation is a compare-and-set on the load
        // its choice was based on, so each goes to a least busy reviewer of those the case does not have
        // yet; that "not yet" can push one reviewer to 4 (and leave one at 2), never further.
        assertThat(assignments).as("reviews per reviewer")
                .allSatisfy((id, count) -> assertThat(count).isBetween(2, 4));
        assertThat(busy(panel)).as("reserved load").isEqualTo(assignments);

        // three cases complete, three are cancelled by a withdrawal
        for (UUID proposalId : proposals.subList(0, 3)) {
            for (String reviewerId : caseOf(proposalId).getReviewerIds()) {
                reviews.decide(ReviewCase.idFor(proposalId, 1), new Reviewer(reviewerId, reviewerId, null, Set.of()),
                        ReviewDecision.APPROVE, SCORES, null).block(TIMEOUT);
            }
        }
        for (UUID proposalId : proposals.subList(3, 6)) {
            reviews.cancelAll(proposalId, 2, "Vorschlag zurückgezogen", UUID.randomUUID().toString())
                    .collectList().block(TIMEOUT);
        }

        assertThat(proposals).extracting(id -> caseOf(id).getState().status())
                .containsOnly(ReviewStatus.COMPLETED, ReviewStatus.CANCELLED);
        assertThat(busy(panel).values()).as("reserved load after the cases finished").containsOnly(0);
        assertThat(reservedCases(panel)).isEmpty();
    }

    @Test
    void aReviewerWhoHasDecidedCountsAsFreeForTheNextCase() {
        List<String> panel = panelOfFour();
        UUID first = UUID.randomUUID();
        reviews.open(first, 1, 1, ReviewFlowTest.content(Themenfeld.EMPOWERMENT), UUID.randomUUID().toString())
                .block(TIMEOUT);
        assertThat(caseOf(first).getReviewerIds()).containsExactly(panel.get(0), panel.get(1));

        reviews.decide(ReviewCase.idFor(first, 1), new Reviewer(panel.get(0), panel.get(0), null, Set.of()),
                ReviewDecision.APPROVE, SCORES, null).block(TIMEOUT);
        UUID second = UUID.randomUUID();
        reviews.open(second, 1, 1, ReviewFlowTest.content(Themenfeld.EMPOWERMENT), UUID.randomUUID().toString())
                .block(TIMEOUT);

        // the first reviewer has nothing left to do; the second still owes a decision
        assertThat(caseOf(second).getReviewerIds()).containsExactly(panel.get(0), panel.get(2));
    }

    @Test
    void theSameSubmissionHandledTwiceAtOnceKeepsOnlyTheStoredCasesReviewersReserved() {
        List<String> panel = panelOfFour();
        UUID proposalId = UUID.randomUUID();

        Flux.range(0, 2)
                .flatMap(i -> reviews.open(proposalId, 1, 1, ReviewFlowTest.content(Themenfeld.EMPOWERMENT),
                        UUID.randomUUID().toString()), 2)
                .collectList().block(TIMEOUT);

        Map<String, Integer> expected = new HashMap<>();
        panel.forEach(id -> expected.put(id, caseOf(proposalId).getReviewerIds().contains(id) ? 1 : 0));
        assertThat(busy(panel)).isEqualTo(expected);
    }

    @Test
    void reconciliationRepairsWhatACrashBetweenSavingACaseAndItsLoadLeftBehind() {
        List<String> panel = panelOfFour();
        UUID proposalId = UUID.randomUUID();
        reviews.open(proposalId, 1, 1, ReviewFlowTest.content(Themenfeld.EMPOWERMENT), UUID.randomUUID().toString())
                .block(TIMEOUT);
        String caseId = ReviewCase.idFor(proposalId, 1).toString();
        // as if a crash had hit twice: a's reservation lost, c still counted for the case
        mongo.updateFirst(Query.query(Criteria.where("_id").is(panel.get(0))),
                new Update().set("busy", 0).set("cases", List.of()), "reviewer_load").block(TIMEOUT);
        mongo.upsert(Query.query(Criteria.where("_id").is(panel.get(2))),
                new Update().set("busy", 1).set("cases", List.of(caseId)), "reviewer_load").block(TIMEOUT);

        reviews.reconcileLoad().block(TIMEOUT);

        assertThat(busy(panel)).containsEntry(panel.get(0), 1).containsEntry(panel.get(1), 1)
                .containsEntry(panel.get(2), 0).containsEntry(panel.get(3), 0);
    }

    // --- helpers

    /** A fresh EMPOWERMENT panel of four reviewers without conflicts, ids in alphabetical order. */
    private List<String> panelOfFour() {
        String prefix = "fair-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = List.of(prefix + "a", prefix + "b", prefix + "c", prefix + "d");
        List<Map<String, Object>> reviewers = ids.stream()
                .map(id -> Map.<String, Object>of("id", id, "displayName", id, "affiliations", List.of("x")))
                .toList();
        as("koordination").put().uri("/api/panels/{t}", Themenfeld.EMPOWERMENT)
                .bodyValue(Map.of("reviewers", reviewers)).exchange().expectStatus().isOk();
        return ids;
    }

    private ReviewCaseDocument caseOf(UUID proposalId) {
        return mongo.findById(ReviewCase.idFor(proposalId, 1).toString(), ReviewCaseDocument.class).block(TIMEOUT);
    }

    /** The counter of each reviewer as stored (collection reviewer_load); 0 without a document. */
    private Map<String, Integer> busy(List<String> reviewerIds) {
        Map<String, Integer> busy = new HashMap<>();
        reviewerIds.forEach(id -> busy.put(id, 0));
        mongo.find(Query.query(Criteria.where("_id").in(reviewerIds)), Document.class, "reviewer_load")
                .doOnNext(doc -> busy.put(doc.getString("_id"), ((Number) doc.get("busy")).intValue()))
                .blockLast(TIMEOUT);
        return busy;
    }

    private List<Object> reservedCases(List<String> reviewerIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(reviewerIds)), Document.class, "reviewer_load")
                .flatMapIterable(doc -> doc.getList("cases", Object.class, List.of()))
                .collectList().block(TIMEOUT);
    }
}
