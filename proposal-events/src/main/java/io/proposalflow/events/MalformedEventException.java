package io.proposalflow.events;

/**
 * A message that can never be processed, however often it is retried: consumers send it to the
 * dead-letter topic straight away.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
