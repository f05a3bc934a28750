package io.proposalflow.review.api;

import java.util.List;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.Reviewer;
import io.proposalflow.review.domain.ReviewPanel;

public record PanelView(Themenfeld themenfeld, String label, List<Reviewer> reviewers) {

    static PanelView of(ReviewPanel panel) {
        return new PanelView(panel.themenfeld(), panel.themenfeld().label(), panel.reviewers());
    }
}
