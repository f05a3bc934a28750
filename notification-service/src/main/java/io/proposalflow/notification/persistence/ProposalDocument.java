package io.proposalflow.notification.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.domain.ProposalSnapshot;

/**
 * This service's copy of a proposal, built from events.
 *
 * @param reviewersByCase the reviewers assigned to each review case of the proposal, by case id
 * @param proposalVersion the proposal's version of the last proposal event applied; older events are ignored
 */
@Document("proposals")
public record ProposalDocument(@Id String id, String title, Themenfeld themenfeld, List<String> partnerIds,
        Instant reviewDueAt, Map<String, List<String>> reviewersByCase, long proposalVersion) {

    /** Whether the proposal's own events have arrived (a review event may have created the copy first). */
    public boolean hasContent() {
        return title != null;
    }

    /**
     * @param reviewCaseId the case whose assigned reviewers the snapshot names (null: none), e.g. the
     *                     case a cancellation is about
     */
    public ProposalSnapshot snapshot(String reviewCaseId) {
        List<String> reviewers = reviewCaseId == null || reviewersByCase == null ? List.of()
                : reviewersByCase.getOrDefault(reviewCaseId, List.of());
        return new ProposalSnapshot(id, title, themenfeld, partnerIds, reviewDueAt, reviewers);
    }
}
