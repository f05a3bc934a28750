package io.proposalflow.review.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.domain.ReviewPanel;

/**
 * One Themenfeld's panel, id = the Themenfeld's key. A plain document: changing a panel
 * publishes no event (other services only need the reviewer ids on each case).
 */
@Document(ReviewPanelDocument.COLLECTION)
public class ReviewPanelDocument {

    public static final String COLLECTION = "review_panels";

    @Id
    private String id;
    private List<Reviewer> reviewers = new ArrayList<>();

    public ReviewPanelDocument() {
    }

    public static ReviewPanelDocument of(ReviewPanel panel) {
        ReviewPanelDocument document = new ReviewPanelDocument();
        document.id = panel.themenfeld().name();
        document.reviewers = new ArrayList<>(panel.reviewers());
        return document;
    }

    public ReviewPanel toDomain() {
        return new ReviewPanel(Themenfeld.valueOf(id), reviewers);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public List<Reviewer> getReviewers() { return reviewers; }
    public void setReviewers(List<Reviewer> reviewers) { this.reviewers = reviewers; }
}
