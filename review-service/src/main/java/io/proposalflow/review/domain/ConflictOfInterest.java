package io.proposalflow.review.domain;

import io.proposalflow.events.Themenfeld;

/**
 * The reasons a reviewer may not judge a proposal: they belong to the focus group that submitted
 * it, or to a partner organisation it names (see the README, "Assignment and conflicts of interest").
 */
public sealed interface ConflictOfInterest {

    String reviewerId();

    /** Human-readable reason, returned to a coordinator whose manual assignment is refused. */
    String explanation();

    /** The reviewer belongs to the focus group that submitted the proposal. */
    record SubmittingFocusGroup(String reviewerId, Themenfeld focusGroup) implements ConflictOfInterest {
        @Override
        public String explanation() {
            return reviewerId + " belongs to the submitting focus group " + focusGroup;
        }
    }

    /** The reviewer is affiliated with a partner organisation named in the proposal. */
    record PartnerAffiliation(String reviewerId, String organisationId) implements ConflictOfInterest {
        @Override
        public String explanation() {
            return reviewerId + " is affiliated with partner organisation " + organisationId;
        }
    }
}
