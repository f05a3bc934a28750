package io.proposalflow.review.api;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import io.proposalflow.platform.errors.InvalidInputException;
import io.proposalflow.platform.web.ProblemResponses;
import io.proposalflow.review.application.ReviewCaseService;
import io.proposalflow.review.application.VersionMismatch;
import io.proposalflow.review.application.VersionedCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
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

    private static final String ETAG = "the review case's version as an entity tag, e.g. \"3\"; send it back as If-Match";
    private static final String IF_MATCH = "the ETag of the review case as read; a stale one is refused with 412, "
            + "without it 428";
    /** What the API description allows in If-Match: a strong tag as the ETag gives it, or {@code *}. */
    private static final String IF_MATCH_PATTERN = "^(\\*|\"[0-9]{1,18}\")$";
    private static final Pattern STRONG = Pattern.compile("\"([0-9]{1,18})\"");
    private static final Pattern WEAK = Pattern.compile("W/\"[^\"]*\"");

    private final ReviewCaseService reviews;

    public CaseReviewersController(ReviewCaseService reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "getCaseReviewers",
            summary = "The reviewers of a case with everyone's decision; the ETag is the case's version")
    @ApiResponse(responseCode = "200", description = "The case's reviewers", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    public Mono<ResponseEntity<CaseReviewersView>> get(@PathVariable UUID id) {
        return reviews.getVersioned(id)
                .map(CaseReviewersController::respond);
    }

    @DeleteMapping("/{reviewerId}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "removeReviewer", summary = "Take a reviewer off an open case",
            description = "A decision the reviewer recorded no longer counts. If everyone who remains has "
                    + "decided, the case completes under the quorum policy. The only reviewer of a case cannot "
                    + "be removed (replace them instead). Requires If-Match with the case's version (ETag).")
    @ApiResponse(responseCode = "200", description = "The case's reviewers, its status and new version",
            useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412, 428 })
    public Mono<ResponseEntity<CaseReviewersView>> remove(@PathVariable UUID id, @PathVariable String reviewerId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, required = true, description = IF_MATCH,
                    schema = @Schema(type = "string", pattern = IF_MATCH_PATTERN)) String ifMatch) {
        return changeAt(ifMatch, version -> reviews.removeReviewer(id, reviewerId, version));
    }

    @PutMapping("/{reviewerId}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "replaceReviewer", summary = "Replace a reviewer on an open case by another panel member",
            description = "The replacement must be on the Themenfeld's panel, free of conflicts of interest and "
                    + "not on the case yet; they are announced as a manual assignment. A decision the replaced "
                    + "reviewer recorded no longer counts. Requires If-Match with the case's version (ETag).")
    @ApiResponse(responseCode = "200", description = "The case's reviewers, its status and new version",
            useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412, 428 })
    public Mono<ResponseEntity<CaseReviewersView>> replace(@PathVariable UUID id, @PathVariable String reviewerId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, required = true, description = IF_MATCH,
                    schema = @Schema(type = "string", pattern = IF_MATCH_PATTERN)) String ifMatch,
            @Valid @RequestBody ReplacementRequest request) {
        return changeAt(ifMatch,
                version -> reviews.replaceReviewer(id, reviewerId, request.replacement().strip(), version));
    }

    /**
     * A change at the version If-Match names (null for {@code *}): a stale version is a 412, the
     * answer carries the new version as ETag.
     */
    private static Mono<ResponseEntity<CaseReviewersView>> changeAt(String ifMatch,
            Function<Long, Mono<VersionedCase>> change) {
        return expectedVersion(ifMatch)
                .flatMap(version -> change.apply(version.orElse(null)))
                .onErrorMap(VersionMismatch.class, CaseReviewersController::preconditionFailed)
                .map(CaseReviewersController::respond);
    }

    private static ResponseEntity<CaseReviewersView> respond(VersionedCase versioned) {
        return ResponseEntity.ok().eTag(etag(versioned.version())).body(CaseReviewersView.of(versioned));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version If-Match names; empty for {@code *} (any version). Missing: 428; a weak tag never
     * matches (412, RFC 9110 13.1.1); anything that is no entity tag: 400.
     */
    static Mono<Optional<Long>> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Mono.error(new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the version (ETag) of the review case you read."));
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return Mono.just(Optional.empty());
        }
        Matcher strong = STRONG.matcher(tag);
        if (strong.matches()) {
            return Mono.just(Optional.of(Long.parseLong(strong.group(1))));
        }
        if (WEAK.matcher(tag).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                    "A weak entity tag never matches If-Match; send the ETag as given, e.g. \"3\"."));
        }
        return Mono.error(new InvalidInputException("If-Match",
                "must be the entity tag as given in the ETag, quotes included, e.g. \"3\""));
    }

    private static Throwable preconditionFailed(VersionMismatch e) {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                e.getMessage() + "; read the case again (its ETag) and decide on what it shows now.");
    }
}
