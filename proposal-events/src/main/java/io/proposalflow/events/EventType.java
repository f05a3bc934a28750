package io.proposalflow.events;

import static io.proposalflow.events.EventSources.NOTIFICATION_SERVICE;
import static io.proposalflow.events.EventSources.PROPOSAL_SERVICE;
import static io.proposalflow.events.EventSources.REVIEW_SERVICE;
import static io.proposalflow.events.Topics.NOTIFICATION_EVENTS;
import static io.proposalflow.events.Topics.PROPOSAL_EVENTS;
import static io.proposalflow.events.Topics.REVIEW_EVENTS;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the system: its CloudEvents type, where it is published and which record it carries.
 * Consumers dispatch on {@link #type()}, never on Java class names, so payload classes can be renamed or
 * moved without breaking anyone. A breaking change to a payload gets a new type ending in {@code .v2}.
 */
public enum EventType {
    PROPOSAL_DRAFTED("io.proposalflow.proposal.drafted.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, ProposalDrafted.class),
    PROPOSAL_SUBMITTED("io.proposalflow.proposal.submitted.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, ProposalSubmitted.class),
    PROPOSAL_RESUBMITTED("io.proposalflow.proposal.resubmitted.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, ProposalResubmitted.class),
    PROPOSAL_WITHDRAWN("io.proposalflow.proposal.withdrawn.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, ProposalWithdrawn.class),
    PROPOSAL_STATUS_CHANGED("io.proposalflow.proposal.status-changed.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, ProposalStatusChanged.class),
    FUNDING_APPLICATION_UPDATED("io.proposalflow.funding-application.updated.v1",
            PROPOSAL_EVENTS, PROPOSAL_SERVICE, FundingApplicationUpdated.class),

    REVIEW_OPENED("io.proposalflow.review.opened.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewOpened.class),
    REVIEWERS_ASSIGNED("io.proposalflow.review.reviewers-assigned.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewersAssigned.class),
    REVIEW_DECISION_RECORDED("io.proposalflow.review.decision-recorded.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewDecisionRecorded.class),
    REVIEW_COMPLETED("io.proposalflow.review.completed.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewCompleted.class),
    REVIEW_CANCELLED("io.proposalflow.review.cancelled.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewCancelled.class),
    REVIEW_REMINDER_DUE("io.proposalflow.review.reminder-due.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewReminderDue.class),
    REVIEW_OVERDUE("io.proposalflow.review.overdue.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewOverdue.class),
    REVIEWER_REMOVED("io.proposalflow.review.reviewer-removed.v1",
            REVIEW_EVENTS, REVIEW_SERVICE, ReviewerRemoved.class),

    NOTIFICATION_SENT("io.proposalflow.notification.sent.v1",
            NOTIFICATION_EVENTS, NOTIFICATION_SERVICE, NotificationSent.class),
    NOTIFICATION_FAILED("io.proposalflow.notification.failed.v1",
            NOTIFICATION_EVENTS, NOTIFICATION_SERVICE, NotificationFailed.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<? extends DomainEvent>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String type;
    private final String topic;
    private final String source;
    private final Class<? extends DomainEvent> payloadClass;

    EventType(String type, String topic, String source, Class<? extends DomainEvent> payloadClass) {
        this.type = type;
        this.topic = topic;
        this.source = source;
        this.payloadClass = payloadClass;
    }

    /** CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** CloudEvents {@code source} attribute. */
    public String source() {
        return source;
    }

    public Class<? extends DomainEvent> payloadClass() {
        return payloadClass;
    }

    /** Classpath resource (for {@link ClassLoader#getResource}) of the payload's JSON Schema. */
    public String schemaPath() {
        return "schemas/" + type + ".schema.json";
    }

    /** Empty for a type this version of the contract does not know, e.g. one a newer producer added. */
    public static Optional<EventType> fromType(String ceType) {
        return Optional.ofNullable(ceType == null ? null : BY_TYPE.get(ceType));
    }

    public static EventType of(DomainEvent payload) {
        EventType eventType = BY_CLASS.get(payload.getClass());
        if (eventType == null) {
            // unreachable while EventTypeTest passes: every permitted payload record has a constant
            throw new IllegalArgumentException("No event type for " + payload.getClass().getName());
        }
        return eventType;
    }
}
