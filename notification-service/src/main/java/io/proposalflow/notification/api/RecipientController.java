package io.proposalflow.notification.api;

import java.net.URI;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.platform.web.idempotency.Idempotent;
import io.proposalflow.events.Themenfeld;
import io.proposalflow.notification.api.DirectoryDtos.AddressRequest;
import io.proposalflow.notification.api.DirectoryDtos.AddressResponse;
import io.proposalflow.notification.api.DirectoryDtos.ContactExport;
import io.proposalflow.notification.api.DirectoryDtos.ContactRequest;
import io.proposalflow.notification.api.DirectoryDtos.ContactResponse;
import io.proposalflow.notification.api.DirectoryDtos.ErasureResponse;
import io.proposalflow.notification.api.DirectoryDtos.PartnerRequest;
import io.proposalflow.notification.api.DirectoryDtos.PartnerResponse;
import io.proposalflow.notification.application.ContactErasure;
import io.proposalflow.notification.application.Directory;
import io.proposalflow.notification.domain.Contact;
import io.proposalflow.platform.security.Caller;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The recipient directory: the only place in the system with names and addresses of people. */
@RestController
@RequestMapping("/api/recipients")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Recipients", description = "Partner organisations and contact persons, focus group and reviewer addresses")
public class RecipientController {

    private final Directory directory;
    private final ContactErasure contactErasure;

    public RecipientController(Directory directory, ContactErasure contactErasure) {
        this.directory = directory;
        this.contactErasure = contactErasure;
    }

    @GetMapping("/partners")
    @Operation(operationId = "listPartners",
            summary = "List partner organisations with their contact persons, by organisation id")
    public Mono<PageResponse<PartnerResponse>> partners(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return PageResponse.of(directory.partners(page).map(PartnerResponse::of), directory.partnerCount(), page);
    }

    @GetMapping("/partners/{organisationId}")
    @Operation(operationId = "getPartner", summary = "One partner organisation with its contact persons")
    public Mono<PartnerResponse> partner(@PathVariable String organisationId) {
        return directory.partner(organisationId).map(PartnerResponse::of);
    }

    @PutMapping("/partners/{organisationId}")
    @Operation(operationId = "putPartner", summary = "Create or rename a partner organisation (id = slug used in proposals), or record the day it left the programme")
    public Mono<PartnerResponse> putPartner(@PathVariable String organisationId,
            @Valid @RequestBody PartnerRequest request) {
        return directory.putPartner(organisationId, request.name(), request.leftOn()).map(PartnerResponse::of);
    }

    @PostMapping("/partners/{organisationId}/contacts")
    @Idempotent
    @Operation(operationId = "addContact", summary = "Add a contact person to a partner organisation")
    @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true,
            headers = @Header(name = HttpHeaders.LOCATION, description = "the new contact person",
                    schema = @Schema(type = "string", format = "uri-reference")))
    public Mono<ResponseEntity<ContactResponse>> addContact(@PathVariable String organisationId,
            @Valid @RequestBody ContactRequest request) {
        return directory.addContact(organisationId, request.name(), request.email(), request.language())
                .map(ContactResponse::of)
                .map(contact -> ResponseEntity.created(URI.create("/api/recipients/partners/" + organisationId
                        + "/contacts/" + contact.id())).body(contact));
    }

    @GetMapping("/partners/{organisationId}/contacts/{contactId}")
    @Operation(operationId = "getContact", summary = "One contact person of a partner organisation")
    public Mono<ContactResponse> contact(@PathVariable String organisationId, @PathVariable String contactId) {
        return directory.contact(organisationId, contactId).map(ContactResponse::of);
    }

    @GetMapping("/partners/{organisationId}/contacts/{contactId}/export")
    @Operation(operationId = "exportContact", summary = "Everything stored about a contact person, as JSON (DSGVO Art. 15 and 20)",
            description = "The directory entry, every notification to them with its attempts, and the record of their "
                    + "erasure. Also answers for a contact that was erased (then without the entry and with the delivery "
                    + "log anonymised). 404 when nothing is stored about this contact id in this organisation.")
    @ApiResponse(responseCode = "200", description = "The export, as a file to hand to the person",
            useReturnTypeSchema = true, headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
                    description = "attachment; filename=\"auskunft-<contactId>.json\"", schema = @Schema(type = "string")))
    public Mono<ResponseEntity<ContactExport>> exportContact(@PathVariable String organisationId,
            @PathVariable String contactId) {
        return directory.export(organisationId, contactId).map(data -> {
            Contact contact = data.contact().orElse(null);
            ContactExport export = new ContactExport(data.exportedAt(), data.organisationId(),
                    data.organisationName(), data.contactId(), contact != null,
                    contact == null ? null : contact.name(), contact == null ? null : contact.email(),
                    contact == null ? null : contact.language(),
                    data.deliveries().stream().map(NotificationResponse::of).toList(),
                    data.erasures().stream().map(ErasureResponse::of).toList());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"auskunft-" + contactId + ".json\"")
                    .body(export);
        });
    }

    @PutMapping("/partners/{organisationId}/contacts/{contactId}")
    @Operation(operationId = "updateContact", summary = "Change a contact person's name, address or language")
    public Mono<ContactResponse> updateContact(@PathVariable String organisationId, @PathVariable String contactId,
            @Valid @RequestBody ContactRequest request) {
        return directory.updateContact(organisationId,
                new Contact(contactId, request.name(), request.email(), request.language())).map(ContactResponse::of);
    }

    @DeleteMapping("/partners/{organisationId}/contacts/{contactId}")
    @Operation(operationId = "eraseContact", summary = "Erase a contact person",
            description = "Removes name and address, anonymises their entries in the delivery log and records "
                    + "the erasure (who, when, contact id only).")
    public Mono<ErasureResponse> eraseContact(@PathVariable String organisationId, @PathVariable String contactId,
            @Parameter(hidden = true) Caller caller) {
        return contactErasure.erase(organisationId, contactId, caller.id()).map(ErasureResponse::of);
    }

    @GetMapping("/erasures")
    @Operation(operationId = "listErasures",
            summary = "The record of erased contact persons (no personal data), newest first")
    public Mono<PageResponse<ErasureResponse>> erasures(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return PageResponse.of(directory.erasures(page).map(ErasureResponse::of), directory.erasureCount(), page);
    }

    @GetMapping("/focus-groups")
    @Operation(operationId = "listFocusGroupAddresses",
            summary = "Contact addresses of the six focus groups, by Themenfeld key")
    public Mono<PageResponse<AddressResponse>> focusGroups(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return PageResponse.of(directory.focusGroups(page).map(AddressResponse::of), directory.focusGroupCount(),
                page);
    }

    @PutMapping("/focus-groups/{themenfeld}")
    @Operation(operationId = "putFocusGroupAddress", summary = "Set the contact address of a focus group")
    public Mono<AddressResponse> putFocusGroup(@PathVariable Themenfeld themenfeld,
            @Valid @RequestBody AddressRequest request) {
        return directory.putFocusGroup(themenfeld, request.name(), request.email(), request.language())
                .map(AddressResponse::of);
    }

    @DeleteMapping("/focus-groups/{themenfeld}")
    @Operation(operationId = "eraseFocusGroupAddress", summary = "Erase a focus group's address",
            description = "Removes the address, anonymises and cancels the notifications to it (none is sent or "
                    + "resent afterwards) and records the erasure. Until a new address is set, the focus group gets no mail.")
    public Mono<ErasureResponse> eraseFocusGroup(@PathVariable Themenfeld themenfeld,
            @Parameter(hidden = true) Caller caller) {
        return contactErasure.eraseFocusGroup(themenfeld.name(), caller.id()).map(ErasureResponse::of);
    }

    @DeleteMapping("/reviewers/{reviewerId}")
    @Operation(operationId = "eraseReviewerAddress", summary = "Erase a reviewer's name and address",
            description = "Removes name and address, anonymises and cancels the notifications to them (none is sent "
                    + "or resent afterwards) and records the erasure (who, when, reviewer id only).")
    public Mono<ErasureResponse> eraseReviewer(@PathVariable String reviewerId,
            @Parameter(hidden = true) Caller caller) {
        return contactErasure.eraseReviewer(reviewerId, caller.id()).map(ErasureResponse::of);
    }

    @GetMapping("/reviewers")
    @Operation(operationId = "listReviewerAddresses", summary = "Reviewers' addresses, by reviewer id")
    public Mono<PageResponse<AddressResponse>> reviewers(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return PageResponse.of(directory.reviewers(page).map(AddressResponse::of), directory.reviewerCount(), page);
    }

    @PutMapping("/reviewers/{reviewerId}")
    @Operation(operationId = "putReviewerAddress", summary = "Set a reviewer's address (id = reviewer id used in review events)")
    public Mono<AddressResponse> putReviewer(@PathVariable String reviewerId,
            @Valid @RequestBody AddressRequest request) {
        return directory.putReviewer(reviewerId, request.name(), request.email(), request.language())
                .map(AddressResponse::of);
    }
}
