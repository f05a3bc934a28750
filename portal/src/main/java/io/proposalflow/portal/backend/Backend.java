package io.proposalflow.portal.backend;

/** The three services behind the portal; each has its own client, timeouts and circuit breaker. */
public enum Backend {
    PROPOSALS("proposal-service"),
    REVIEWS("review-service"),
    NOTIFICATIONS("notification-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The message key of the plain-language sentence that says this service cannot be reached. */
    public String unavailableMessageKey() {
        return "unavailable." + name();
    }
}
