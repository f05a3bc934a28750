package io.proposalflow.review.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.proposalflow.events.ReviewDecision;
import io.proposalflow.events.Scores;

/**
 * A reviewer's decision. The comment is required for REJECT and REQUEST_CHANGES; that rule lives
 * in the domain ({@code Judgement}) and comes back as a 400 naming the field {@code comment}.
 */
public record DecisionRequest(
        @NotNull ReviewDecision decision,
        @NotNull @Valid ScoresRequest scores,
        @Schema(example = "Überzeugendes Konzept, Kinderbetreuung ist eingeplant.") @Size(max = 4000) String comment) {

    /** Each criterion from 1 (poor) to 5 (excellent). */
    public record ScoresRequest(
            @NotNull @Min(1) @Max(5) Integer need,
            @NotNull @Min(1) @Max(5) Integer feasibility,
            @NotNull @Min(1) @Max(5) Integer integrationImpact,
            @NotNull @Min(1) @Max(5) Integer sustainability) {

        Scores toScores() {
            return new Scores(need, feasibility, integrationImpact, sustainability);
        }
    }
}
