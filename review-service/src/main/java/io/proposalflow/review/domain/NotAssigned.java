package io.proposalflow.review.domain;

import java.util.UUID;

/**
 * The reviewer a request is about is not assigned to the case. For the reviewer themselves the
 * case is none of their business, so the API answers 404 as if it did not exist.
 */
public class NotAssigned extends RuntimeException {

    private NotAssigned(String message) {
        super(message);
    }

    /** A reviewer acting on a case they are not assigned to: the case's existence must not leak. */
    static NotAssigned toActOn(UUID caseId) {
        return new NotAssigned("review case " + caseId + " not found");
    }

    /** A coordinator naming a reviewer who is not (or no longer) on the case. */
    static NotAssigned reviewer(String reviewerId, UUID caseId) {
        return new NotAssigned("reviewer " + reviewerId + " is not assigned to review case " + caseId);
    }
}
