package io.proposalflow.notification.api;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.notification.persistence.PartnerDocument;
import io.proposalflow.notification.persistence.PartnerRepository;
import io.proposalflow.platform.web.PageQuery;
import io.proposalflow.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The partner organisations a focus group can name in a proposal: ids and names only, never a contact
 * person, so every signed-in role may read it (the directory with its contacts stays the coordination's).
 */
@RestController
@RequestMapping("/api/organisations")
@PreAuthorize("hasAnyRole('FOCUS_GROUP', 'REVIEWER', 'COORDINATOR')")
@Tag(name = "Organisations", description = "Partner organisations by id and name, for choosing a proposal's partners")
public class OrganisationController {

    private final PartnerRepository partners;

    public OrganisationController(PartnerRepository partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(operationId = "listOrganisations", summary = "List partner organisations by name (id and name only)")
    public Mono<PageResponse<OrganisationResponse>> list(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        var request = PageRequest.of(page.page(), page.size(), Sort.by("name", "_id"));
        return partners.findAllBy(request).map(OrganisationResponse::of).collectList()
                .zipWith(partners.count())
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    /** A partner organisation as anyone signed in may see it. */
    @Schema(name = "Organisation")
    public record OrganisationResponse(
            @Schema(description = "the organisation's id, as proposals name it in partners[].id",
                    example = "stiftung-neuerkerode") String id,
            @Schema(example = "Stiftung Neuerkerode") String name) {

        static OrganisationResponse of(PartnerDocument partner) {
            return new OrganisationResponse(partner.getId(), partner.getName());
        }
    }
}
