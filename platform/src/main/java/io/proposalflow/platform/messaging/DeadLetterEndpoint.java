package io.proposalflow.platform.messaging;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/deadletters} with {@code {"topic": "error.review-events.notification-service"}}:
 * sends that dead-letter topic's records back to where they came from ({@link DeadLetterReplay}),
 * once the cause of their failure is fixed. An operator's decision: role COORDINATOR, and in
 * production the management port only.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterReplay replay;

    public DeadLetterEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @WriteOperation
    public DeadLetterReplay.Result replay(String topic) {
        return replay.replay(topic);
    }
}
