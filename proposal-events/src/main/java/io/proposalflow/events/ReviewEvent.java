package io.proposalflow.events;

import java.util.UUID;

/** Published by review-service on {@value Topics#REVIEW_EVENTS}. */
public sealed interface ReviewEvent extends DomainEvent
        permits ReviewOpened, ReviewersAssigned, ReviewDecisionRecorded, ReviewCompleted, ReviewCancelled,
        ReviewReminderDue, ReviewOverdue, ReviewerRemoved {

    UUID reviewCaseId();
}
