package io.proposalflow.review.api;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.proposalflow.platform.errors.NotFoundException;
import io.proposalflow.review.application.ReviewCaseService;
import io.proposalflow.review.application.VersionedCase;
import io.proposalflow.review.persistence.VersionMismatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The coordination manages who reviews an open case: it removes a reviewer who left or became
 * conflicted after assignment, or replaces them by another panel member, so that no case waits
 * forever for someone who will not decide. Changes need the case's version as If-Match (its
 * ETag), like every change in this system: a coordinator acts on what they saw.
 */
@RestController
@RequestMapping("/api/reviews/{id}/reviewers")
@Tag(name = "Reviews")
public class CaseReviewersController {

    private static final String PROBLEM = "application/problem+json";

    private final ReviewCaseService reviews;

    public CaseReviewersController(ReviewCaseService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "getCaseReviewers",
            summary = "The reviewers of a case with everyone's decision; the ETag is the case's version")
    @ApiResponse(responseCode = "200", description = "the reviewers; ETag header: the version to send as If-Match")
    @ApiResponse(responseCode = "404", description = "no such review case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    public Mono<ResponseEntity<CaseReviewersView>> get(@PathVariable UUID id) {
        return reviews.getVersioned(id)
                .switchIfEmpty(Mono.error(() -> NotFoundException.of("review case", id)))
                .map(CaseReviewersController::respond);
    }

    @DeleteMapping("/{reviewerId}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "removeReviewer", summary = "Take a reviewer off an open case",
            description = "A decision the reviewer recorded no longer counts. If everyone who remains has "
                    + "decided, the case completes under the quorum policy. The only reviewer of a case cannot "
                    + "be removed (replace them instead). Requires If-Match with the case's version (ETag).")
    @ApiResponse(responseCode = "200", description = "removed; the case's reviewers, status and new version")
    @ApiResponse(responseCode = "404", description = "no such review case, or the reviewer is not assigned to it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "409", description = "the case is not open, or the reviewer is its only one",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version: read the case again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    public Mono<ResponseEntity<CaseReviewersView>> remove(@PathVariable UUID id, @PathVariable String reviewerId,
            @Parameter(description = "the case's version as given in its ETag, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return expectedVersion(ifMatch)
                .flatMap(version -> reviews.removeReviewer(id, reviewerId, version.orElse(null)))
                .onErrorMap(VersionMismatch.class, CaseReviewersController::preconditionFailed)
                .map(CaseReviewersController::respond);
    }

    @PutMapping("/{reviewerId}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "replaceReviewer", summary = "Replace a reviewer on an open case by another panel member",
            description = "The replacement must be on the Themenfeld's panel, free of conflicts of interest and "
                    + "not on the case yet; they are announced as a manual assignment. A decision the replaced "
                    + "reviewer recorded no longer counts. Requires If-Match with the case's version (ETag).")
    @ApiResponse(responseCode = "200", description = "replaced; the case's reviewers, status and new version")
    @ApiResponse(responseCode = "400", description = "no replacement named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "404", description = "no such review case, or the reviewer is not assigned to it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "409", description = "the case is not open, or the replacement is not on the "
            + "panel, has a conflict of interest or is already assigned",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version: read the case again",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(hidden = true)))
    public Mono<ResponseEntity<CaseReviewersView>> replace(@PathVariable UUID id, @PathVariable String reviewerId,
            @Parameter(description = "the case's version as given in its ETag, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReplacementRequest request) {
        return expectedVersion(ifMatch)
                .flatMap(version -> reviews.replaceReviewer(id, reviewerId, request.replacement().strip(),
                        version.orElse(null)))
                .onErrorMap(VersionMismatch.class, CaseReviewersController::preconditionFailed)
                .map(CaseReviewersController::respond);
    }

    private static ResponseEntity<CaseReviewersView> respond(VersionedCase versioned) {
        return ResponseEntity.ok().eTag(etag(versioned.version())).body(CaseReviewersView.of(versioned));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match names; empty for {@code *} (any version). Missing: 428; unreadable: 400. */
    static Mono<Optional<Long>> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Mono.error(new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the version (ETag) of the review case you read."));
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return Mono.just(Optional.empty());
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Mono.just(Optional.of(Long.parseLong(tag.replace("\"", ""))));
        } catch (NumberFormatException e) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "If-Match must carry the version as given in the ETag, e.g. \"3\"."));
        }
    }

    private static Throwable preconditionFailed(VersionMismatch e) {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                e.getMessage() + "; read the case again (its ETag) and decide on what it shows now.");
    }
}
