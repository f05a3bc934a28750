package io.proposalflow.review.domain;

import io.proposalflow.platform.errors.InvalidInputException;

/**
 * Input that breaks a rule of its own, whatever the state (a score out of range, a missing
 * comment, a reviewer listed twice): the caller has to correct it, so the API answers 400.
 */
public class InvalidInput extends InvalidInputException {

    public InvalidInput(String field, String reason) {
        super(field, reason);
    }
}
