package io.proposalflow.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long reviewers have, and how long before the due date they are reminded.
 *
 * @param reviewPeriod from opening to the due date (default 14 days)
 * @param reminderLead how long before the due date the reminder goes out (default 2 days)
 */
public record ReviewDeadlines(Duration reviewPeriod, Duration reminderLead) {

    public static final ReviewDeadlines DEFAULT = new ReviewDeadlines(Duration.ofDays(14), Duration.ofDays(2));

    public ReviewDeadlines {
        Objects.requireNonNull(reviewPeriod, "reviewPeriod");
        Objects.requireNonNull(reminderLead, "reminderLead");
        if (reviewPeriod.isNegative() || reviewPeriod.isZero()) {
            throw new IllegalArgumentException("reviewPeriod must be positive");
        }
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("reminderLead must not be negative");
        }
    }

    Instant dueAt(Instant openedAt) {
        return openedAt.plus(reviewPeriod);
    }

    Instant remindAt(Instant dueAt) {
        return dueAt.minus(reminderLead);
    }
}
