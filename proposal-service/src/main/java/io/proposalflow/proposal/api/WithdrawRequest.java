package io.proposalflow.proposal.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawRequest(
        @Schema(example = "Der Träger kann die Kinderbetreuung nicht mehr stellen.") @NotBlank @Size(max = 1000)
        String reason) {
}
