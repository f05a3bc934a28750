package io.proposalflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import io.proposalflow.events.EventSamples;
import io.proposalflow.events.ProposalSubmitted;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.review.application.DeadlineWatch;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.AssignedReviewer;
import io.proposalflow.review.domain.ReviewCase;
import io.proposalflow.review.domain.ReviewDeadlines;
import io.proposalflow.review.domain.ReviewPanel;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.persistence.ReviewCaseDocument;
import io.proposalflow.review.persistence.ReviewCaseStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reminders and overdue events go out exactly once per reviewer and case, with two instances of
 * the watch racing (as with two service instances) and after a restart (a new watch). Time is
 * passed in explicitly; the application's own scheduled watch runs on the real clock meanwhile.
 */
class DeadlineTest extends ReviewServiceTestBase {

    @Autowired
    ReviewCaseStore store;

    @Test
    void remindersAndOverdueEventsFireOncePerReviewerAcrossInstancesAndRestarts() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        ReviewCaseDocument opened = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        Instant dueAt = opened.getState().dueAt();
        assertThat(Duration.between(opened.getState().openedAt(), dueAt)).isEqualTo(Duration.ofDays(14));

        // two instances, one moment: only one save can win the version
        race(dueAt.minus(Duration.ofDays(1)));
        // a restarted instance an hour later finds the flags and sends nothing
        newInstance().fireDue(dueAt.minus(Duration.ofHours(23))).block();

        race(dueAt.plus(Duration.ofMinutes(1)));
        newInstance().fireDue(dueAt.plus(Duration.ofDays(1))).block();

        ReviewCaseDocument flagged = awaitCase(proposalId, 1, c -> true);
        assertThat(flagged.getState().reviewers()).allSatisfy(r -> {
            assertThat(r.remindedAt()).isNotNull();
            assertThat(r.overdueAt()).isNotNull();
        });
        assertThat(flagged.getNextDeadlineAt()).isNull();

        // the marker: both decisions after every deadline fired complete the case, announced after all their events
        decide(opened, "rev-kvhs");
        decide(opened, "rev-migration");
        nothingMorePublished("no reminder or overdue event went out twice", proposalId,
                ReviewCompleted.class, events -> {
                    assertThat(only(ReviewReminderDue.class, events)).extracting(ReviewReminderDue::reviewerId)
                            .containsExactlyInAnyOrder("rev-kvhs", "rev-migration");
                    assertThat(only(ReviewOverdue.class, events)).extracting(ReviewOverdue::reviewerId)
                            .containsExactlyInAnyOrder("rev-kvhs", "rev-migration");
                    assertThat(only(ReviewOverdue.class, events)).allSatisfy(e -> assertThat(e.dueAt())
                            .isEqualTo(dueAt));
                });
    }

    @Test
    void aReviewerWhoHasDecidedIsNotReminded() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        ReviewCaseDocument opened = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        decide(opened, "rev-kvhs");

        newInstance().fireDue(opened.getState().dueAt().minus(Duration.ofDays(1))).block();

        ReviewCaseDocument after = awaitCase(proposalId, 1, c -> true);
        assertThat(after.getState().reviewers()).filteredOn(r -> r.reviewerId().equals("rev-kvhs"))
                .extracting(AssignedReviewer::remindedAt).containsOnlyNulls();
        assertThat(after.getState().reviewers()).filteredOn(r -> r.reviewerId().equals("rev-migration"))
                .extracting(AssignedReviewer::remindedAt).doesNotContainNull();
    }

    @Test
    void anInstanceWorkingFromAStaleReadLosesOnTheVersionSoItsEventsAreNeverSaved() {
        UUID proposalId = UUID.randomUUID();
        send(new ProposalSubmitted(proposalId, 1, EventSamples.neuerkerodeContent(), "fg-arbeitswelt"));
        ReviewCaseDocument opened = awaitCase(proposalId, 1, c -> c.getState().status() == ReviewStatus.OPEN);
        Instant now = opened.getState().dueAt().minus(Duration.ofDays(1));
        ReviewCaseDocument readByFirst = store.find(UUID.fromString(opened.getId())).block();
        ReviewCaseDocument readBySecond = store.find(UUID.fromString(opened.getId())).block();

        ReviewCase first = readByFirst.toDomain();
        assertThat(first.fireDeadlines(now)).isTrue();
        store.saveIfUnchanged(readByFirst, first).block();
        ReviewCase second = readBySecond.toDomain();
        assertThat(second.fireDeadlines(now)).isTrue();

        assertThatThrownBy(() -> store.saveIfUnchanged(readBySecond, second).block())
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void theScheduledWatchSendsTheOverdueEventOfACaseWhoseDueDateHasPassed() {
        UUID proposalId = UUID.randomUUID();
        ReviewCase late = ReviewCase.open(proposalId, 1, EventSamples.neuerkerodeContent(),
                Instant.now().minus(Duration.ofDays(15)), ReviewDeadlines.DEFAULT);
        late.assignByHand(new ReviewPanel(Themenfeld.WORK_ECONOMY, List.of(new Reviewer("rev-kvhs", "KVHS", null,
                java.util.Set.of()))), List.of("rev-kvhs"), Instant.now().minus(Duration.ofDays(15)));
        mongo.insert(ReviewCaseDocument.of(late, CODEC)).block();

        ReviewCaseDocument overdue = awaitCase(proposalId, 1, c -> c.getState().reviewers().get(0).overdueAt() != null);

        decide(overdue, "rev-kvhs"); // the only reviewer: completes the case, the marker after the watch's events
        nothingMorePublished("the watch sent the overdue event once and no reminder", proposalId,
                ReviewCompleted.class, events -> {
                    assertThat(only(ReviewOverdue.class, events)).singleElement()
                            .satisfies(e -> assertThat(e.reviewerId()).isEqualTo("rev-kvhs"));
                    assertThat(only(ReviewReminderDue.class, events)).isEmpty();
                });
    }

    private void race(Instant now) {
        Mono.zip(newInstance().fireDue(now).subscribeOn(Schedulers.parallel()),
                newInstance().fireDue(now).subscribeOn(Schedulers.parallel())).block();
    }

    private void decide(ReviewCaseDocument reviewCase, String reviewerId) {
        as(reviewerId).post().uri("/api/reviews/{id}/decisions", reviewCase.getId())
                .bodyValue(Map.of("decision", "APPROVE", "scores", Map.of("need", 4,
                        "feasibility", 4, "integrationImpact", 4, "sustainability", 4)))
                .exchange().expectStatus().isOk();
    }

    private DeadlineWatch newInstance() {
        return new DeadlineWatch(store, Clock.systemUTC());
    }
}
