package io.proposalflow.review.api;

import java.util.List;
import java.util.UUID;

import io.proposalflow.review.api.ReviewCaseView.ReviewerView;
import io.proposalflow.review.application.VersionedCase;
import io.proposalflow.review.domain.ReviewStatus;

/**
 * The reviewers of a case as the coordination manages them, with the case's status (a removal
 * may complete it) and its version, which is also the ETag to send back as If-Match.
 */
public record CaseReviewersView(UUID reviewCaseId, ReviewStatus status, long version, List<ReviewerView> reviewers) {

    static CaseReviewersView of(VersionedCase versioned) {
        return new CaseReviewersView(versioned.reviewCase().id(), versioned.reviewCase().status(), versioned.version(),
                versioned.reviewCase().reviewers().stream().map(ReviewerView::of).toList());
    }
}
