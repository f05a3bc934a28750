package io.proposalflow.proposal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.proposalflow.events.PartnerRef;
import io.proposalflow.events.ProposalContent;
import io.proposalflow.events.Themenfeld;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The content of a draft, for creating and for editing it. */
@DatesInOrder
public record ProposalRequest(
        @Schema(example = "Akti(F): Quartiersmanagement Goslar-Oker") @NotBlank @Size(max = 200) String title,
        @Schema(example = "Ein Quartiersbüro in Oker bringt Zugewanderte und Alteingesessene zusammen.")
        @NotBlank @Size(max = 5000) String summary,
        @NotNull Themenfeld themenfeld,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> goals,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> targetGroups,
        @NotNull @Size(max = 30) List<@NotNull @Valid Partner> partners,
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals (and 12 digits before the point)")
        @Schema(example = "240000.00", maximum = FundingApplicationRequest.MAX_AMOUNT) BigDecimal requestedBudgetEur,
        @NotNull LocalDate plannedStart,
        @NotNull LocalDate plannedEnd,
        @Schema(example = "Sozialer Zusammenhalt") @Size(max = 200) String fundingProgramme,
        @Schema(example = "Fokusgruppe Leben & Wohnen vor Ort, Sprecherin", description = "an organisation or a "
                + "function to ask about the proposal; e-mail addresses and phone numbers are refused (people's "
                + "contact details are kept only in notification-service's directory)")
        @Size(max = 300) @OrganisationOrFunction String contact) implements DatesInOrder.Dated {

    /** A partner organisation: an organisation, never a person. */
    public record Partner(
            @Schema(example = "stiftung-neuerkerode") @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                    message = "must be a slug: lower-case letters, digits and '-', 2 to 63 characters") String id,
            @Schema(example = "Stiftung Neuerkerode") @NotBlank @Size(max = 200) String name,
            @Schema(example = "Träger") @NotBlank @Size(max = 200) String role) {
    }

    ProposalContent toContent() {
        return new ProposalContent(title.trim(), summary.trim(), themenfeld, goals, targetGroups,
                partners.stream().map(p -> new PartnerRef(p.id(), p.name(), p.role())).toList(), requestedBudgetEur,
                plannedStart, plannedEnd, fundingProgramme == null || fundingProgramme.isBlank() ? null
                        : fundingProgramme.trim());
    }

    @Override
    public LocalDate start() {
        return plannedStart;
    }

    @Override
    public LocalDate end() {
        return plannedEnd;
    }
}
