package io.proposalflow.events;

import java.util.UUID;

/** Published by review-service on {@value Topics#REVIEW_EVENTS}. */
public sealed interface ReviewEvent extends DomainEvent
        permits ReviewOpened, ReviewersAssigned, ReviewDecisionRecorded, ReviewCompleted, ReviewCancelled,
        ReviewReminderDue, ReviewOverdue, ReviewerRemoved {

    UUID reviewCaseId();

    /**
     * Dispatches to the handler's method for this event's type. A new event type must implement this,
     * which needs a new {@code on} overload in {@link Handler}: every handler then stops compiling until
     * it says what the new type means to it (docs/adr/0019-aggregates-emit-wire-records.md).
     */
    <R> R accept(Handler<R> handler);

    /** One method per event type of this family; consumers implement it instead of testing types. */
    interface Handler<R> {

        R on(ReviewOpened event);

        R on(ReviewersAssigned event);

        R on(ReviewDecisionRecorded event);

        R on(ReviewCompleted event);

        R on(ReviewCancelled event);

        R on(ReviewReminderDue event);

        R on(ReviewOverdue event);

        R on(ReviewerRemoved event);
    }
}
