package io.proposalflow.events;

/** Kafka topics: one per publishing service, keyed by proposal id so each proposal's events stay in order. */
public final class Topics {

    public static final String PROPOSAL_EVENTS = "proposal-events";
    public static final String REVIEW_EVENTS = "review-events";
    public static final String NOTIFICATION_EVENTS = "notification-events";

    private Topics() {
    }
}
