package io.proposalflow.notification.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.Themenfeld;

/**
 * What an event changes in this service's copy of its proposal ({@link ProposalSnapshot}), decided by
 * {@link EventMeaning}. The copy is kept with one atomic write per change that sets only what the event
 * knows: the proposal's and the review's events arrive on different topics, on different threads.
 */
public sealed interface CopyChange {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of change; the store that keeps the copy implements it. */
    interface Visitor<R> {

        R on(Nothing change);

        R on(ProposalSeen change);

        R on(ReviewDue change);

        R on(ReviewersAdded change);

        R on(ReviewerTakenOff change);
    }

    Nothing NOTHING = new Nothing();

    /** The event tells nothing the copy keeps. */
    record Nothing() implements CopyChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * A proposal event: title and Themenfeld, and the partners when the event carries the content
     * (null: it does not, they stay as they are). Applied only if no later proposal event was (a
     * stale one, lower {@code version}, is ignored).
     */
    record ProposalSeen(long version, String title, Themenfeld themenfeld, List<String> partnerIds)
            implements CopyChange {
        public ProposalSeen {
            partnerIds = partnerIds == null ? null : List.copyOf(partnerIds);
        }

        /** Whether the copy has the proposal's content afterwards (the partners to mail). */
        public boolean carriesContent() {
            return partnerIds != null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * A review was opened: its due date, and the Themenfeld for a copy the proposal's events have
     * not reached yet (the review may overtake them and mails nobody itself, so nothing would wait).
     */
    record ReviewDue(Instant dueAt, Themenfeld themenfeld) implements CopyChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /**
     * Reviewers assigned to a case, kept per case so that a cancellation (which names nobody) reaches
     * the case's reviewers; a set, so a redelivered or manual assignment adds nobody twice.
     */
    record ReviewersAdded(String reviewCaseId, List<String> reviewerIds) implements CopyChange {
        public ReviewersAdded {
            reviewerIds = List.copyOf(reviewerIds);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }

    /** A reviewer taken off a case: a later cancellation of it is no longer theirs to hear of. */
    record ReviewerTakenOff(String reviewCaseId, String reviewerId) implements CopyChange {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.on(this);
        }
    }
}
