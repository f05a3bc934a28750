package io.proposalflow.notification.api;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.proposalflow.notification.application.Directory;
import io.proposalflow.notification.domain.Partner;
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

    private final Directory directory;

    public OrganisationController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(operationId = "listOrganisations", summary = "List partner organisations by name (id and name only)")
    public Mono<PageResponse<OrganisationResponse>> list(@Valid @ParameterObject @ModelAttribute PageQuery page) {
        return directory.organisationsByName(page).map(OrganisationResponse::of).collectList()
                .zipWith(directory.partnerCount())
                .map(t -> PageResponse.of(t.getT1(), page, t.getT2()));
    }

    /** A partner organisation as anyone signed in may see it. */
    @Schema(name = "Organisation")
    public record OrganisationResponse(
            @Schema(description = "the organisation's id, as proposals name it in partners[].id",
                    example = "stiftung-neuerkerode") String id,
            @Schema(example = "Stiftung Neuerkerode") String name) {

        static OrganisationResponse of(Partner partner) {
            return new OrganisationResponse(partner.id(), partner.name());
        }
    }
}
