package io.proposalflow.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.proposalflow.events.ProposalStatus;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.proposalflow.proposal.application.ProposalService;
import io.proposalflow.proposal.domain.HistoryEntry;
import io.proposalflow.proposal.domain.Proposal;
import io.proposalflow.proposal.domain.ProposalFilter;
import io.proposalflow.platform.web.ProblemResponses;
import io.proposalflow.platform.web.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * Proposals: focus groups draft, edit, submit, resubmit and withdraw their own; coordinators read all
 * and report the funding application. Reviewers work in review-service and get 403 here.
 */
@RestController
@RequestMapping("/api/proposals")
@Tag(name = "Proposals", description = "Project proposals of the focus groups and their lifecycle")
@Validated
public class ProposalController {

    private static final String READERS = "hasAnyRole('FOCUS_GROUP', 'COORDINATOR')";
    private static final String ETAG = "the proposal's version as an entity tag, e.g. \"3\"; send it back as If-Match";
    private static final String IF_MATCH = "the ETag of the proposal as read; a stale one is refused with 412";

    private final ProposalService service;

    public ProposalController(ProposalService service) {
        this.service = service;
    }

    @PostMapping
    @Idempotent
    @PreAuthorize("hasRole('FOCUS_GROUP')")
    @Operation(operationId = "createProposal", summary = "Draft a new proposal in the caller's own Themenfeld")
    @ApiResponse(responseCode = "201", description = "Drafted", useReturnTypeSchema = true, headers = {
            @Header(name = HttpHeaders.LOCATION, description = "the new proposal", schema = @Schema(type = "string",
                    format = "uri-reference")),
            @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")) })
    public Mono<ResponseEntity<ProposalResponse>> create(@Valid @RequestBody ProposalRequest request,
            @Parameter(hidden = true) Caller caller) {
        return service.create(request.toContent(), request.contact(), caller)
                .map(proposal -> respond(HttpStatus.CREATED, proposal));
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listProposals", summary = "List proposals, newest first",
            description = "Focus groups see their own Themenfeld only. With changedSince, the proposals changed "
                    + "at or after that instant, oldest change first: a system that polls asks again from the last "
                    + "updatedAt it saw.")
    public Mono<PageResponse<ProposalResponse>> list(
            @RequestParam(required = false) @Parameter(description = "only proposals in this status") ProposalStatus status,
            @RequestParam(required = false) @Parameter(description = "only proposals of this Themenfeld") Themenfeld themenfeld,
            @RequestParam(required = false) @Size(max = 200)
            @Parameter(description = "only proposals naming this funding programme") String fundingProgramme,
            @RequestParam(required = false) @Size(max = 200)
            @Parameter(description = "words in title or summary, case-insensitive") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            @Parameter(description = "only proposals changed at or after this instant (ISO 8601, e.g. "
                    + "2026-11-29T10:15:30Z)") Instant changedSince,
            @Valid @ParameterObject @ModelAttribute PageQuery page, @Parameter(hidden = true) Caller caller) {
        return service.list(new ProposalFilter(status, themenfeld, fundingProgramme, q, changedSince), page, caller)
                .map(found -> new PageResponse<>(found.content().stream().map(ProposalResponse::of).toList(),
                        found.page(), found.size(), found.totalElements(), found.totalPages()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getProposal", summary = "Get one proposal; the ETag is its version")
    @ApiResponse(responseCode = "200", description = "The proposal", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    public Mono<ResponseEntity<ProposalResponse>> get(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
        return service.get(id, caller).map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('FOCUS_GROUP')")
    @Operation(operationId = "editProposal", summary = "Edit a draft (or a proposal sent back for changes)",
            description = "Requires If-Match with the version (ETag) read before; a stale version is a 412.")
    @ApiResponse(responseCode = "200", description = "The proposal as changed", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412, 428 })
    public Mono<ResponseEntity<ProposalResponse>> edit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, required = true, description = IF_MATCH + "; without it 428",
                    schema = @Schema(type = "string", pattern = Versions.IF_MATCH_PATTERN)) String ifMatch,
            @Valid @RequestBody ProposalRequest request, @Parameter(hidden = true) Caller caller) {
        if (ifMatch == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the version (ETag) of the proposal you edited."));
        }
        return service.edit(id, caller, Versions.parse(ifMatch), request.toContent(), request.contact())
                .map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @PostMapping("/{id}/submit")
    @Idempotent
    @PreAuthorize("hasRole('FOCUS_GROUP')")
    @Operation(operationId = "submitProposal", summary = "Submit a draft for review (round 1)")
    @ApiResponse(responseCode = "200", description = "The proposal as changed", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412 })
    public Mono<ResponseEntity<ProposalResponse>> submit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, description = IF_MATCH + "; without it the change applies to the "
                    + "current version", schema = @Schema(type = "string", pattern = Versions.IF_MATCH_PATTERN))
            String ifMatch,
            @Parameter(hidden = true) Caller caller) {
        return service.submit(id, caller, Versions.parse(ifMatch)).map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @PostMapping("/{id}/resubmit")
    @Idempotent
    @PreAuthorize("hasRole('FOCUS_GROUP')")
    @Operation(operationId = "resubmitProposal", summary = "Resubmit after changes were requested (next review round)")
    @ApiResponse(responseCode = "200", description = "The proposal as changed", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412 })
    public Mono<ResponseEntity<ProposalResponse>> resubmit(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, description = IF_MATCH + "; without it the change applies to the "
                    + "current version", schema = @Schema(type = "string", pattern = Versions.IF_MATCH_PATTERN))
            String ifMatch,
            @Parameter(hidden = true) Caller caller) {
        return service.resubmit(id, caller, Versions.parse(ifMatch))
                .map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @PostMapping("/{id}/withdraw")
    @Idempotent
    @PreAuthorize("hasRole('FOCUS_GROUP')")
    @Operation(operationId = "withdrawProposal", summary = "Withdraw a proposal that is not yet final, with a reason")
    @ApiResponse(responseCode = "200", description = "The proposal as changed", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412 })
    public Mono<ResponseEntity<ProposalResponse>> withdraw(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, description = IF_MATCH + "; without it the change applies to the "
                    + "current version", schema = @Schema(type = "string", pattern = Versions.IF_MATCH_PATTERN))
            String ifMatch,
            @Valid @RequestBody WithdrawRequest request, @Parameter(hidden = true) Caller caller) {
        return service.withdraw(id, caller, Versions.parse(ifMatch), request.reason())
                .map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @PutMapping("/{id}/funding-application")
    @Idempotent
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(operationId = "reportFundingApplication", summary = "Report the funding application of an approved proposal",
            description = "Stage GRANTED moves the proposal to FUNDED, DENIED to FUNDING_DENIED. Requires If-Match "
                    + "with the version (ETag) read before: a report sent again after it took effect is a 412, "
                    + "never a second report.")
    @ApiResponse(responseCode = "200", description = "The proposal as changed", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ProblemResponses({ 409, 412, 428 })
    public Mono<ResponseEntity<ProposalResponse>> updateFunding(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            @Parameter(in = ParameterIn.HEADER, required = true, description = IF_MATCH + "; without it 428",
                    schema = @Schema(type = "string", pattern = Versions.IF_MATCH_PATTERN)) String ifMatch,
            @Valid @RequestBody FundingApplicationRequest request, @Parameter(hidden = true) Caller caller) {
        if (ifMatch == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the version (ETag) of the proposal whose funding you report."));
        }
        return service.reportFunding(id, caller, Versions.parse(ifMatch), request.toDomain())
                .map(proposal -> respond(HttpStatus.OK, proposal));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    @Operation(operationId = "getProposalHistory",
            summary = "The timeline of a proposal: who did what, when and why, oldest first")
    public Mono<PageResponse<HistoryEntry>> history(@PathVariable UUID id,
            @Valid @ParameterObject @ModelAttribute PageQuery page, @Parameter(hidden = true) Caller caller) {
        return service.history(id, caller).map(page::slice);
    }

    private static ResponseEntity<ProposalResponse> respond(HttpStatus status, Proposal proposal) {
        ProposalResponse body = ProposalResponse.of(proposal);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag(Versions.etag(body.version()));
        if (status == HttpStatus.CREATED) {
            builder.location(URI.create("/api/proposals/" + body.id()));
        }
        return builder.body(body);
    }
}
