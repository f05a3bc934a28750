package io.proposalflow.events;

/** CloudEvents {@code source} attribute of each publishing service. */
public final class EventSources {

    public static final String PROPOSAL_SERVICE = "urn:proposalflow:proposal-service";
    public static final String REVIEW_SERVICE = "urn:proposalflow:review-service";
    public static final String NOTIFICATION_SERVICE = "urn:proposalflow:notification-service";

    private EventSources() {
    }
}
