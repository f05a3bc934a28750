package io.proposalflow.review.domain;

import static io.proposalflow.review.domain.Fixtures.GOOD;
import static io.proposalflow.review.domain.Fixtures.NOW;
import static io.proposalflow.review.domain.Fixtures.panel;
import static io.proposalflow.review.domain.Fixtures.proposal;
import static io.proposalflow.review.domain.Fixtures.reviewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.Scores;
import io.proposalflow.events.Themenfeld;

/**
 * Given / when / then for a review case, so each domain test reads as the story it tells:
 * <pre>
 * given().assignedByHand("a", "b").decided("a", APPROVE)
 *         .when(c -> c.decide(reviewer("b"), APPROVE, GOOD, null, NOW, POLICY))
 *         .thenStatus(ReviewStatus.COMPLETED)
 *         .thenEvents(ReviewCompleted.class);
 * </pre>
 * The events of the "given" steps are pulled before "when", so "then" sees only what the action
 * announced. A refused action ({@link Then#thenRefused}) must also leave the case as it was.
 */
final class ReviewCaseFixture {

    static final QuorumPolicy POLICY = QuorumPolicy.CHANGES_FIRST_THEN_MAJORITY;

    private ReviewCaseFixture() {
    }

    /** A case just opened at {@link Fixtures#NOW} for a HEALTH proposal without partners: no reviewers yet. */
    static Given given() {
        return givenACaseFor(proposal(Themenfeld.HEALTH));
    }

    /** A case a test brought into its state by itself. */
    static Given given(ReviewCase reviewCase) {
        return new Given(reviewCase);
    }

    /** A case just opened at {@link Fixtures#NOW} for the given proposal: no reviewers yet. */
    static Given givenACaseFor(ProposalContent content) {
        return new Given(ReviewCase.open(UUID.randomUUID(), 1, content, NOW, ReviewDeadlines.DEFAULT));
    }

    static final class Given {

        private final ReviewCase reviewCase;

        private Given(ReviewCase reviewCase) {
            this.reviewCase = reviewCase;
        }

        /** A coordinator assigned these reviewers (free of conflicts, on the panel). */
        Given assignedByHand(String... reviewerIds) {
            Reviewer[] members = Arrays.stream(reviewerIds).map(Fixtures::reviewer).toArray(Reviewer[]::new);
            reviewCase.assignByHand(panel(reviewCase.content().themenfeld(), members), List.of(reviewerIds), NOW);
            return this;
        }

        /** The reviewer decided with good scores (and a comment where one is required). */
        Given decided(String reviewerId, ReviewDecision decision) {
            return decided(reviewerId, decision, GOOD, decision == ReviewDecision.APPROVE ? null : "Begründung");
        }

        Given decided(String reviewerId, ReviewDecision decision, Scores scores, String comment) {
            reviewCase.decide(reviewer(reviewerId), decision, scores, comment, NOW, POLICY);
            return this;
        }

        Given removed(String reviewerId) {
            reviewCase.removeReviewer(reviewerId, NOW, POLICY);
            return this;
        }

        Given cancelled() {
            reviewCase.cancel("zurückgezogen");
            return this;
        }

        /** The case as given, its events pulled, for a test that drives it further by itself. */
        ReviewCase reviewCase() {
            reviewCase.pullEvents();
            return reviewCase;
        }

        /** Runs the action on the case as given; a domain exception it throws is kept for {@link Then#thenRefused}. */
        Then when(Consumer<ReviewCase> action) {
            reviewCase.pullEvents();
            ReviewCaseState before = reviewCase.state();
            RuntimeException failure = null;
            try {
                action.accept(reviewCase);
            } catch (InvalidInput | NotAssigned | ReviewConflict e) {
                failure = e;
            }
            return new Then(reviewCase, before, reviewCase.pullEvents(), failure);
        }
    }

    static final class Then {

        private final ReviewCase reviewCase;
        private final ReviewCaseState before;
        private final List<ReviewEvent> events;
        private final RuntimeException failure;

        private Then(ReviewCase reviewCase, ReviewCaseState before, List<ReviewEvent> events,
                RuntimeException failure) {
            this.reviewCase = reviewCase;
            this.before = before;
            this.events = events;
            this.failure = failure;
        }

        Then thenStatus(ReviewStatus expected) {
            succeeded();
            assertThat(reviewCase.status()).isEqualTo(expected);
            return this;
        }

        /** Exactly these events, in this order. */
        @SafeVarargs
        final Then thenEvents(Class<? extends ReviewEvent>... types) {
            succeeded();
            assertThat(events).extracting(e -> (Object) e.getClass()).containsExactly((Object[]) types);
            return this;
        }

        /** Exactly these events, in this order, equal to the given ones. */
        Then thenEvents(ReviewEvent... expected) {
            succeeded();
            assertThat(events).containsExactly(expected);
            return this;
        }

        /** The one event of this type the action announced, checked. */
        <T extends ReviewEvent> Then thenEvent(Class<T> type, Consumer<T> check) {
            succeeded();
            assertThat(events).filteredOn(type::isInstance).singleElement().satisfies(e -> check.accept(type.cast(e)));
            return this;
        }

        Then thenNoEvents() {
            succeeded();
            assertThat(events).isEmpty();
            return this;
        }

        Then then(Consumer<ReviewCase> check) {
            succeeded();
            check.accept(reviewCase);
            return this;
        }

        /** The action was refused with this exception, naming {@code messagePart}, and changed nothing. */
        Then thenRefused(Class<? extends RuntimeException> type, String messagePart) {
            assertThat(failure).as("the action should have been refused").isInstanceOf(type);
            assertThat(failure).hasMessageContaining(messagePart);
            assertThat(events).as("events of a refused action").isEmpty();
            assertThat(reviewCase.state()).as("state after a refused action").isEqualTo(before);
            return this;
        }

        /** The exception the action was refused with, for its details. */
        RuntimeException failure() {
            assertThat(failure).as("the action should have been refused").isNotNull();
            return failure;
        }

        ReviewCase reviewCase() {
            return reviewCase;
        }

        private void succeeded() {
            assertThat(failure).as("the action failed").isNull();
        }
    }
}
