package io.proposalflow.review.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer on one case: their current decision (if any) and which deadline events already
 * went out for them. The flags live here, in the case, so that marking them and queueing the
 * event are one write: that is what makes each reminder fire exactly once.
 *
 * @param judgement  the latest decision, or {@code null} while undecided
 * @param remindedAt when the reminder event was queued, or {@code null}
 * @param overdueAt  when the overdue event was queued, or {@code null}
 */
public record AssignedReviewer(String reviewerId, Instant assignedAt, boolean manual, Judgement judgement,
        Instant remindedAt, Instant overdueAt) {

    public AssignedReviewer {
        Objects.requireNonNull(reviewerId, "reviewerId");
        Objects.requireNonNull(assignedAt, "assignedAt");
    }

    static AssignedReviewer assigned(String reviewerId, Instant now, boolean manual) {
        return new AssignedReviewer(reviewerId, now, manual, null, null, null);
    }

    public boolean hasDecided() {
        return judgement != null;
    }

    AssignedReviewer withJudgement(Judgement newJudgement) {
        return new AssignedReviewer(reviewerId, assignedAt, manual, newJudgement, remindedAt, overdueAt);
    }

    AssignedReviewer reminded(Instant now) {
        return new AssignedReviewer(reviewerId, assignedAt, manual, judgement, now, overdueAt);
    }

    AssignedReviewer overdue(Instant now) {
        return new AssignedReviewer(reviewerId, assignedAt, manual, judgement, remindedAt, now);
    }
}
