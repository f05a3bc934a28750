package io.proposalflow.notification.domain;

import java.time.Instant;
import java.util.List;

import io.proposalflow.events.Themenfeld;

/**
 * What this service knows of a proposal, built from proposal and review events, so that it can
 * address mails for events that carry only the proposal id.
 *
 * @param reviewDueAt  due date of the current review round, once a review was opened
 * @param reviewerIds  the reviewers assigned to the current review case (to tell them if it is cancelled)
 */
public record ProposalSnapshot(String proposalId, String title, Themenfeld themenfeld, List<String> partnerIds,
        Instant reviewDueAt, List<String> reviewerIds) {
    public ProposalSnapshot {
        partnerIds = partnerIds == null ? List.of() : List.copyOf(partnerIds);
        reviewerIds = reviewerIds == null ? List.of() : List.copyOf(reviewerIds);
    }
}
