package io.proposalflow.review.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The panel member who takes over a reviewer's place on a case; the conflict rules of assigning apply. */
public record ReplacementRequest(@NotBlank @Size(max = 100) String replacement) {
}
