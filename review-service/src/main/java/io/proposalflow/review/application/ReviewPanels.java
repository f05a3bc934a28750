package io.proposalflow.review.application;

import org.springframework.stereotype.Service;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.review.domain.ReviewPanel;
import io.proposalflow.review.persistence.ReviewPanelStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The use cases of review panels: a coordinator reads and replaces the reviewers of a Themenfeld. */
@Service
public class ReviewPanels {

    private final ReviewPanelStore panels;

    public ReviewPanels(ReviewPanelStore panels) {
        this.panels = panels;
    }

    /** All six panels in Themenfeld order; a Themenfeld without a stored panel has an empty one. */
    public Flux<ReviewPanel> all() {
        return panels.all();
    }

    public Mono<ReviewPanel> panel(Themenfeld themenfeld) {
        return panels.panel(themenfeld);
    }

    /** Applies to cases assigned from now on; reviewers already on a case stay on it. */
    public Mono<ReviewPanel> replace(ReviewPanel panel) {
        return panels.replace(panel);
    }
}
