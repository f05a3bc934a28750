package io.proposalflow.platform.errors;

/**
 * Input that breaks a rule of the domain rather than of its format (a rejection without a
 * comment, a reviewer listed twice): HTTP 400 in the same shape as bean-validation errors,
 * {@code errors: [{field, message}]}. Plain Java, so domain code may throw it.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
