package io.proposalflow.platform.messaging;

import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Decides whether a failure is the outside world being briefly unavailable (retry until it
 * comes back: the message is fine) or the message itself (retry a few times, then dead-letter).
 */
public final class TransientFailures {

    // by name, so the platform need not depend on every driver that may be on the class path
    private static final Set<String> TRANSIENT_CLASS_NAMES = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketOpenException",
            "com.mongodb.MongoSocketReadException",
            "com.mongodb.MongoNotPrimaryException",
            "org.apache.kafka.common.errors.RetriableException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientFailure
                    || isNamedTransient(t.getClass())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the handler is waiting for an event that this one overtook ({@link AwaitingEarlierEvent}). */
    public static boolean isAwaitingEarlierEvent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AwaitingEarlierEvent) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamedTransient(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_CLASS_NAMES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by a handler that knows its failure will pass (e.g. a dependency it needs is down). */
    public static class TransientFailure extends RuntimeException {
        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Thrown by a handler whose event overtook another it needs, which travels on another topic and
     * arrives within moments: retried soon and often rather than with an outage's growing waits.
     */
    public static class AwaitingEarlierEvent extends TransientFailure {
        public AwaitingEarlierEvent(String message) {
            super(message, null);
        }
    }
}
