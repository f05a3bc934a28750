package io.proposalflow.review.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.ReviewCancelled;
import io.proposalflow.events.ReviewCompleted;
import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.ReviewEvent;
import io.proposalflow.events.ReviewOpened;
import io.proposalflow.events.ReviewOverdue;
import io.proposalflow.events.ReviewReminderDue;
import io.proposalflow.events.ReviewerRemoved;
import io.proposalflow.events.ReviewersAssigned;
import io.proposalflow.events.Scores;

/**
 * The review of one proposal in one round: a copy of what the reviewers judge, who judges it,
 * their decisions and, once everyone has decided, the result.
 *
 * <pre>
 * UNASSIGNED --assign--> OPEN --last decision, or removal of the last undecided reviewer--> COMPLETED
 *      \                   \
 *       \--withdrawn--------\--withdrawn--> CANCELLED
 * </pre>
 *
 * Every change queues the event that announces it ({@link #pullEvents()}); the persistence layer
 * saves state and events in one write.
 */
public final class ReviewCase {

    private final UUID id;
    private ReviewCaseState state;
    private final List<ReviewEvent> pendingEvents = new ArrayList<>();

    private ReviewCase(UUID id, ReviewCaseState state) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The id of the case for a proposal's review round. Derived, not random, so that a redelivered
     * submission event finds the case it already opened instead of opening a second one.
     */
    public static UUID idFor(UUID proposalId, int round) {
        return UUID.nameUUIDFromBytes(("review-case:" + proposalId + ":" + round).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the case of a submitted (round 1) or resubmitted proposal, still without reviewers. */
    public static ReviewCase open(UUID proposalId, int round, ProposalContent content, Instant now,
            ReviewDeadlines deadlines) {
        // MongoDB stores milliseconds: the due date in the opening event must equal the stored one
        Instant openedAt = now.truncatedTo(ChronoUnit.MILLIS);
        Instant dueAt = deadlines.dueAt(openedAt);
        ReviewCase reviewCase = new ReviewCase(idFor(proposalId, round), new ReviewCaseState(proposalId, round,
                content, openedAt, dueAt, deadlines.remindAt(dueAt), ReviewStatus.UNASSIGNED, List.of(), null, null));
        reviewCase.pendingEvents.add(new ReviewOpened(reviewCase.id, proposalId, round, content.themenfeld(), dueAt));
        return reviewCase;
    }

    /** Rebuilds a stored case; no events. */
    public static ReviewCase restore(UUID id, ReviewCaseState state) {
        return new ReviewCase(id, state);
    }

    /**
     * Assigns reviewers from the panel by the policy; if too few are eligible the case stays
     * UNASSIGNED (no event) until a coordinator assigns by hand.
     *
     * @return whether reviewers were assigned
     */
    public boolean assignFromPanel(ReviewPanel panel, AssignmentPolicy policy, Map<String, Integer> openCases,
            Instant now) {
        requireStatus(ReviewStatus.UNASSIGNED, "assign reviewers automatically");
        Optional<List<Reviewer>> chosen = policy.choose(panel, content(), openCases);
        chosen.ifPresent(list -> add(list, false, now));
        return chosen.isPresent();
    }

    /**
     * Assigns reviewers the policy chose one by one while their load was reserved (see
     * {@link AssignmentPolicy#nextChoice}); like {@link #assignFromPanel}, either the full number or
     * nobody (the case then waits UNASSIGNED).
     *
     * @return whether reviewers were assigned
     */
    public boolean assignChosen(List<Reviewer> chosen, AssignmentPolicy policy, Instant now) {
        requireStatus(ReviewStatus.UNASSIGNED, "assign reviewers automatically");
        if (chosen.size() != policy.reviewersPerCase()) {
            return false;
        }
        for (Reviewer reviewer : chosen) {
            if (reviewer.conflictWith(content()).isPresent()) {
                throw new IllegalArgumentException("chose a conflicted reviewer " + reviewer.id());
            }
        }
        add(chosen, false, now);
        return true;
    }

    /**
     * A coordinator adds reviewers by hand, e.g. to a case that waits unassigned. Each must be on
     * the Themenfeld's panel (the panel knows their focus group and affiliations) and free of a
     * conflict of interest; the whole request is refused otherwise. Reviewers already on the case
     * are left as they are.
     */
    public void assignByHand(ReviewPanel panel, List<String> reviewerIds, Instant now) {
        if (status().isClosed()) {
            throw closed("assign reviewers");
        }
        List<Reviewer> toAdd = new ArrayList<>();
        for (String reviewerId : reviewerIds) {
            Reviewer reviewer = requireAssignable(panel, reviewerId);
            if (assignment(reviewerId).isEmpty() && !toAdd.contains(reviewer)) {
                toAdd.add(reviewer);
            }
        }
        if (!toAdd.isEmpty()) {
            add(toAdd, true, now);
        }
    }

    /**
     * A coordinator takes a reviewer off an open case, e.g. because they left the panel or became
     * conflicted after assignment. A decision they recorded no longer counts (it is dropped from
     * the case; the events keep the trail). If everyone who remains has decided, the case completes
     * under the quorum policy, exactly as after a last decision. The last reviewer cannot be
     * removed: with nobody left there is no outcome; replace them instead.
     *
     * @throws NotAssigned if the reviewer is not assigned to this case
     * @throws ReviewConflict if the case is not open or the reviewer is its only one
     */
    public void removeReviewer(String reviewerId, Instant now, QuorumPolicy policy) {
        AssignedReviewer removed = requireRemovable(reviewerId);
        if (state.reviewers().size() == 1) {
            throw new ReviewConflict("cannot remove " + reviewerId + ": they are the only reviewer of the case; "
                    + "replace them or assign another reviewer first", Map.of("reviewerId", reviewerId));
        }
        drop(removed);
        if (state.reviewers().stream().allMatch(AssignedReviewer::hasDecided)) {
            complete(policy, now);
        }
    }

    /**
     * A coordinator replaces a reviewer on an open case by another panel member, under the same
     * rules as assigning by hand (on the panel, no conflict of interest, not on the case yet).
     * Announced as the removal followed by a manual assignment of the replacement; the case stays
     * open for the replacement's decision.
     */
    public void replaceReviewer(ReviewPanel panel, String reviewerId, String replacementId, Instant now) {
        AssignedReviewer removed = requireRemovable(reviewerId);
        Reviewer replacement = requireAssignable(panel, replacementId);
        if (isAssigned(replacementId)) {
            throw new ReviewConflict(replacementId + " is already assigned to the review case",
                    Map.of("reviewerId", replacementId));
        }
        drop(removed);
        add(List.of(replacement), true, now);
    }

    private AssignedReviewer requireRemovable(String reviewerId) {
        AssignedReviewer assigned = assignment(reviewerId).orElseThrow(() -> NotAssigned.reviewer(reviewerId, id));
        if (status() != ReviewStatus.OPEN) {
            throw closed("change the reviewers");
        }
        return assigned;
    }

    private void drop(AssignedReviewer removed) {
        List<AssignedReviewer> remaining = new ArrayList<>(state.reviewers());
        remaining.remove(removed);
        changeReviewers(remaining);
        pendingEvents.add(new ReviewerRemoved(id, proposalId(), removed.reviewerId(), removed.hasDecided()));
    }

    private Reviewer requireAssignable(ReviewPanel panel, String reviewerId) {
        Reviewer reviewer = panel.member(reviewerId).orElseThrow(() -> new ReviewConflict(
                reviewerId + " is not on the review panel of " + content().themenfeld(),
                Map.of("reviewerId", reviewerId, "themenfeld", content().themenfeld().name())));
        Optional<ConflictOfInterest> conflict = reviewer.conflictWith(content());
        if (conflict.isPresent()) {
            throw new ReviewConflict("conflict of interest: " + conflict.get().explanation(),
                    Map.of("reviewerId", reviewerId));
        }
        return reviewer;
    }

    /**
     * The reviewers this case still keeps busy: assigned to an open case and not decided yet.
     * Their load is reserved (see the README, "Fair assignment"); everyone else's is released.
     */
    public Set<String> pendingReviewerIds() {
        if (status() != ReviewStatus.OPEN) {
            return Set.of();
        }
        return state.reviewers().stream().filter(r -> !r.hasDecided()).map(AssignedReviewer::reviewerId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private void add(List<Reviewer> toAdd, boolean manual, Instant now) {
        List<AssignedReviewer> more = new ArrayList<>(state.reviewers());
        toAdd.forEach(r -> more.add(AssignedReviewer.assigned(r.id(), now, manual)));
        state = state.changed(ReviewStatus.OPEN, more, state.result(), state.cancelReason());
        pendingEvents.add(new ReviewersAssigned(id, proposalId(), toAdd.stream().map(Reviewer::id).toList(), manual));
    }

    /**
     * Records or revises a reviewer's decision; the last missing decision completes the case.
     *
     * @param reviewer who decides, as their login describes them (focus group, organisations):
     *                 a conflict of interest is checked again in case it arose after assignment
     * @throws NotAssigned     if the reviewer is not assigned to this case (it is none of their business)
     * @throws ReviewConflict  if the case is closed or the reviewer has a conflict of interest
     * @throws InvalidInput    if scores or comment break the rules
     */
    public void decide(Reviewer reviewer, ReviewDecision decision, Scores scores, String comment, Instant now,
            QuorumPolicy policy) {
        AssignedReviewer assigned = assignment(reviewer.id())
                .orElseThrow(() -> NotAssigned.toActOn(id));
        if (status().isClosed()) {
            throw closed("record a decision");
        }
        Optional<ConflictOfInterest> conflict = reviewer.conflictWith(content());
        if (conflict.isPresent()) {
            throw new ReviewConflict("conflict of interest: " + conflict.get().explanation(),
                    Map.of("reviewerId", reviewer.id()));
        }
        Judgement judgement = new Judgement(decision, scores, comment, now);
        List<AssignedReviewer> judged = new ArrayList<>(state.reviewers());
        judged.set(judged.indexOf(assigned), assigned.withJudgement(judgement));
        changeReviewers(judged);
        // no ReviewDecisionRecorded: a single decision is not the outcome, and no other service acts on it;
        // ReviewCompleted carries all of them (ADR 21)
        if (judged.stream().allMatch(AssignedReviewer::hasDecided)) {
            complete(policy, now);
        }
    }

    private void complete(QuorumPolicy policy, Instant now) {
        ReviewResult result = ReviewResult.of(state.reviewers(), policy, now);
        state = state.changed(ReviewStatus.COMPLETED, state.reviewers(), result, state.cancelReason());
        pendingEvents.add(new ReviewCompleted(id, proposalId(), round(), result.outcome(), result.averageScores(),
                result.comments(), result.summary()));
    }

    /**
     * Cancels a case that is still open, because its proposal was withdrawn.
     *
     * @return false if the case was already closed (nothing changes, e.g. a late withdrawal event)
     */
    public boolean cancel(String reason) {
        if (status().isClosed()) {
            return false;
        }
        state = state.changed(ReviewStatus.CANCELLED, state.reviewers(), state.result(), reason);
        pendingEvents.add(new ReviewCancelled(id, proposalId(), reason));
        return true;
    }

    /**
     * Queues the reminder and overdue events that are due at {@code now} for reviewers who have
     * not decided, and marks them as sent in this case. A reviewer whose reminder time passed
     * together with the due date (e.g. the service was down) gets only the overdue event.
     *
     * @return whether anything was due
     */
    public boolean fireDeadlines(Instant now) {
        if (status() != ReviewStatus.OPEN) {
            return false;
        }
        Instant dueAt = dueAt();
        List<AssignedReviewer> reviewers = new ArrayList<>(state.reviewers());
        boolean fired = false;
        for (int i = 0; i < reviewers.size(); i++) {
            AssignedReviewer r = reviewers.get(i);
            if (r.hasDecided()) {
                continue;
            }
            if (!now.isBefore(dueAt) && r.overdueAt() == null) {
                reviewers.set(i, r.overdue(now));
                pendingEvents.add(new ReviewOverdue(id, proposalId(), r.reviewerId(), dueAt));
                fired = true;
            } else if (now.isBefore(dueAt) && !now.isBefore(remindAt()) && r.remindedAt() == null) {
                reviewers.set(i, r.reminded(now));
                pendingEvents.add(new ReviewReminderDue(id, proposalId(), r.reviewerId(), dueAt));
                fired = true;
            }
        }
        changeReviewers(reviewers);
        return fired;
    }

    /**
     * The next time {@link #fireDeadlines} will have something to do, or empty if nothing is
     * pending. Stored with the case so the scheduler finds due cases with one indexed query.
     */
    public Optional<Instant> nextDeadline() {
        if (status() != ReviewStatus.OPEN) {
            return Optional.empty();
        }
        return state.reviewers().stream()
                .filter(r -> !r.hasDecided() && r.overdueAt() == null)
                .map(r -> r.remindedAt() == null && remindAt().isBefore(dueAt()) ? remindAt() : dueAt())
                .min(Comparator.naturalOrder());
    }

    /** The events of the changes made since the last call; the caller must save them with the state. */
    public List<ReviewEvent> pullEvents() {
        List<ReviewEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    public Optional<AssignedReviewer> assignment(String reviewerId) {
        return state.reviewers().stream().filter(r -> r.reviewerId().equals(reviewerId)).findFirst();
    }

    public boolean isAssigned(String reviewerId) {
        return assignment(reviewerId).isPresent();
    }

    private void requireStatus(ReviewStatus expected, String action) {
        if (status() != expected) {
            throw new ReviewConflict("cannot " + action + " of a case that is " + status(),
                    Map.of("currentStatus", status().name()));
        }
    }

    private ReviewConflict closed(String action) {
        return new ReviewConflict("cannot " + action + ": the review case is " + status(),
                Map.of("currentStatus", status().name()));
    }

    private void changeReviewers(List<AssignedReviewer> reviewers) {
        state = state.changed(state.status(), reviewers, state.result(), state.cancelReason());
    }

    public UUID id() { return id; }
    /** The whole state, as it is stored. */
    public ReviewCaseState state() { return state; }
    public UUID proposalId() { return state.proposalId(); }
    public int round() { return state.round(); }
    public ProposalContent content() { return state.content(); }
    public Instant openedAt() { return state.openedAt(); }
    public Instant dueAt() { return state.dueAt(); }
    public Instant remindAt() { return state.remindAt(); }
    public ReviewStatus status() { return state.status(); }
    public List<AssignedReviewer> reviewers() { return state.reviewers(); }
    public Optional<ReviewResult> result() { return Optional.ofNullable(state.result()); }
    public Optional<String> cancelReason() { return Optional.ofNullable(state.cancelReason()); }
}
