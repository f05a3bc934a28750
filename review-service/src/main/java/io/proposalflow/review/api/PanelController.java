package io.proposalflow.review.api;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.review.application.ReviewPanels;
import io.proposalflow.review.domain.ReviewPanel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The review panel of each Themenfeld; only coordinators see and change them. */
@RestController
@RequestMapping("/api/panels")
@Tag(name = "Panels", description = "Reviewers per Themenfeld")
public class PanelController {

    private final ReviewPanels panels;

    public PanelController(ReviewPanels panels) {
        this.panels = panels;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "listPanels", summary = "The six panels, in the order of the Themenfelder")
    public Mono<PageResponse<PanelView>> list(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return panels.all().map(PanelView::of).collectList().map(page::slice);
    }

    @GetMapping("/{themenfeld}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "getPanel", summary = "The panel of one Themenfeld")
    public Mono<PanelView> get(@PathVariable Themenfeld themenfeld) {
        return panels.panel(themenfeld).map(PanelView::of);
    }

    @PutMapping("/{themenfeld}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "replacePanel", summary = "Replace the reviewers of a Themenfeld's panel",
            description = "Applies to cases assigned from now on; reviewers already on a case stay on it.")
    public Mono<PanelView> replace(@PathVariable Themenfeld themenfeld, @Valid @RequestBody PanelRequest request) {
        return Mono.fromCallable(() -> new ReviewPanel(themenfeld,
                        request.reviewers().stream().map(PanelRequest.ReviewerRequest::toReviewer).toList()))
                .flatMap(panels::replace)
                .map(PanelView::of);
    }
}
