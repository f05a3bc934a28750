package io.proposalflow.notification.domain;

import java.util.List;

/** A group of people an event concerns; the directory turns it into concrete recipients. */
public sealed interface Audience {

    <R> R accept(Visitor<R> visitor);

    /** One method per audience; the directory implements it to find the people. */
    interface Visitor<R> {

        R on(Partners audience);

        R on(FocusGroup audience);

        R on(Reviewers audience);

        R on(AssignedReviewers audience);
    }

    /** The contact persons of every partner organisation of the proposal. */
    record Partners() implements Audience {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /** The contact address of the focus group of the proposal's Themenfeld. */
    record FocusGroup() implements Audience {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /** The named reviewers, by reviewer id. */
    record Reviewers(List<String> reviewerIds) implements Audience {
        public Reviewers {
            reviewerIds = List.copyOf(reviewerIds);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * The reviewers assigned to the proposal's current review case, as this service's copy knows them
     * (for events such as a cancellation that do not name them).
     */
    record AssignedReviewers() implements Audience {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    Audience PARTNERS = new Partners();
    Audience FOCUS_GROUP = new FocusGroup();
    Audience ASSIGNED_REVIEWERS = new AssignedReviewers();

    static Audience reviewers(List<String> reviewerIds) {
        return new Reviewers(reviewerIds);
    }
}
