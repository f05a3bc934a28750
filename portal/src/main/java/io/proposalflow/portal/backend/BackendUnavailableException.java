package io.proposalflow.portal.backend;

/**
 * A service did not answer (down, too slow, or its circuit breaker is open). Pages catch it and say
 * so in plain words; the rest of the portal keeps working.
 */
public class BackendUnavailableException extends RuntimeException {

    private final Backend backend;

    public BackendUnavailableException(Backend backend, Throwable cause) {
        super(backend.serviceName() + " is not reachable: " + cause, cause);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}
