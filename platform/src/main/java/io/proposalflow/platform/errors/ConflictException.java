package io.proposalflow.platform.errors;

import java.util.Map;

/**
 * A request that is well-formed but conflicts with the current state of a resource (HTTP 409),
 * e.g. an illegal lifecycle transition. {@link #properties()} become members of the
 * problem+json body, so a client can see the current state and what it may do instead.
 */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
