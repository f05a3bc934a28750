package io.proposalflow.review.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Reviewers a coordinator adds to a case by hand; each must be on the Themenfeld's panel. */
public record AssignmentRequest(@NotEmpty @Size(max = 20) List<@NotBlank String> reviewerIds) {
}
