package io.proposalflow.review.domain;

/**
 * Input that breaks a rule of its own, whatever the state (a score out of range, a missing
 * comment, a reviewer listed twice): the caller has to correct it, so the API answers 400 naming
 * the field.
 */
public class InvalidInput extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidInput(String field, String reason) {
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
