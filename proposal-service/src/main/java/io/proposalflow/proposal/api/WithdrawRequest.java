package io.proposalflow.proposal.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WithdrawRequest(@NotBlank @Size(max = 1000) String reason) {
}
