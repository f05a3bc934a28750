package io.proposalflow.platform.errors;

/**
 * A resource does not exist, or the caller may not know that it exists (answered the same way,
 * so existence does not leak). Plain Java, so domain code may throw it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(kind + " " + id + " not found");
    }
}
