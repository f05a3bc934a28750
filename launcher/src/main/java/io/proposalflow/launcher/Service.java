package io.proposalflow.launcher;

/** The three services, each with its module folder, port and MongoDB database of the same name. */
public enum Service {
    PROPOSAL("proposal-service"),
    REVIEW("review-service"),
    NOTIFICATION("notification-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    /** Module folder, jar name, Spring application name and database name. */
    public String id() {
        return id;
    }

    public int port(Ports ports) {
        return switch (this) {
            case PROPOSAL -> ports.proposalService();
            case REVIEW -> ports.reviewService();
            case NOTIFICATION -> ports.notificationService();
        };
    }
}
