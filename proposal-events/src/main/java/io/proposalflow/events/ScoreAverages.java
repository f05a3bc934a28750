package io.proposalflow.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/** Averages of all reviewers' {@link Scores} of one review round. */
public record ScoreAverages(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal need,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal feasibility,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal integrationImpact,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal sustainability) {
}
