package io.proposalflow.notification.domain;

import java.util.List;

/** A group of people an event concerns; the directory turns it into concrete recipients. */
public sealed interface Audience {

    /** The contact persons of every partner organisation of the proposal. */
    record Partners() implements Audience {
    }

    /** The contact address of the focus group of the proposal's Themenfeld. */
    record FocusGroup() implements Audience {
    }

    /** The named reviewers, by reviewer id. */
    record Reviewers(List<String> reviewerIds) implements Audience {
        public Reviewers {
            reviewerIds = List.copyOf(reviewerIds);
        }
    }

    /**
     * The reviewers assigned to the proposal's current review case, as this service's copy knows them
     * (for events such as a cancellation that do not name them).
     */
    record AssignedReviewers() implements Audience {
    }

    Audience PARTNERS = new Partners();
    Audience FOCUS_GROUP = new FocusGroup();
    Audience ASSIGNED_REVIEWERS = new AssignedReviewers();

    static Audience reviewers(List<String> reviewerIds) {
        return new Reviewers(reviewerIds);
    }
}
