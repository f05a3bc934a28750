package io.proposalflow.review.api;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.platform.web.ProblemResponses;
import io.proposalflow.platform.web.idempotency.Idempotent;
import io.proposalflow.review.application.ReviewCaseService;
import io.proposalflow.review.domain.ReviewStatus;
import io.proposalflow.review.domain.Reviewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * Review cases. A REVIEWER sees and decides only the cases assigned to them (any other case
 * answers 404, so its existence does not leak); a COORDINATOR sees all and assigns by hand.
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Reviews", description = "Review cases, reviewers' decisions and manual assignment")
public class ReviewController {

    private final ReviewCaseService reviews;

    public ReviewController(ReviewCaseService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REVIEWER', 'COORDINATOR')")
    @Operation(operationId = "listReviewCases",
            summary = "List review cases: a reviewer's own, or all for a coordinator; open cases first")
    public Mono<PageResponse<ReviewCaseView>> list(@Valid @ParameterObject @ModelAttribute PageQuery page,
            @RequestParam(required = false) @Parameter(description = "only cases in this status") ReviewStatus status,
            @RequestParam(required = false) @Parameter(description = "only the cases (one per review round) of this "
                    + "proposal") UUID proposalId,
            @Parameter(hidden = true) Caller caller) {
        String reviewerId = caller.isCoordinator() ? null : caller.id();
        return reviews.list(reviewerId, status, proposalId, page.offset(), page.size()).map(result -> PageResponse.of(
                result.content().stream().map(c -> ReviewCaseView.of(c, caller)).toList(), page, result.total()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REVIEWER', 'COORDINATOR')")
    @Operation(operationId = "getReviewCase", summary = "Get one review case with the proposal as submitted")
    public Mono<ReviewCaseView> get(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
        return reviews.get(id)
                .filter(c -> caller.isCoordinator() || c.isAssigned(caller.id()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("review case", id)))
                .map(c -> ReviewCaseView.of(c, caller));
    }

    @PostMapping("/{id}/decisions")
    @Idempotent
    @PreAuthorize("hasRole('REVIEWER')")
    @ProblemResponses(409)
    @Operation(operationId = "decideReviewCase",
            summary = "Record or revise my decision (APPROVE, REJECT, REQUEST_CHANGES) with scores 1-5",
            description = "A comment is required for REJECT and REQUEST_CHANGES. The decision may be revised "
                    + "until the case closes; the last missing decision completes the case.")
    public Mono<ReviewCaseView> decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
            @Parameter(hidden = true) Caller caller) {
        // the caller's login says which focus group and organisations they belong to; the domain
        // checks these against the proposal again, in case they changed after assignment
        Reviewer reviewer = new Reviewer(caller.id(), caller.id(), caller.focusGroup(), caller.organisations());
        return reviews.decide(id, reviewer, request.decision(), request.scores().toScores(), request.comment())
                .map(c -> ReviewCaseView.of(c, caller));
    }

    @PostMapping("/{id}/assignments")
    @Idempotent
    @PreAuthorize("hasRole('COORDINATOR')")
    @ProblemResponses(409)
    @Operation(operationId = "assignReviewers",
            summary = "Assign reviewers by hand (e.g. to a case waiting unassigned); conflict rules apply")
    public Mono<ReviewCaseView> assign(@PathVariable UUID id, @Valid @RequestBody AssignmentRequest request,
            @Parameter(hidden = true) Caller caller) {
        return reviews.assignByHand(id, request.reviewerIds())
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("review case", id)))
                .map(c -> ReviewCaseView.of(c, caller));
    }

}
