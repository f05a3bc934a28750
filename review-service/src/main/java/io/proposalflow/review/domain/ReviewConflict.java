package io.proposalflow.review.domain;

import java.util.Map;

/**
 * A change the case refuses in its current state or under the rules of assignment: a decision on
 * a closed case, a reviewer with a conflict of interest or not on the panel, removing the only
 * reviewer. The API answers 409 with the message and the {@link #details()} (e.g. the current
 * status), so the client sees what it may do instead.
 */
public class ReviewConflict extends RuntimeException {

    private final transient Map<String, Object> details;

    public ReviewConflict(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
