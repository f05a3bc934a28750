package io.proposalflow.events;

import java.math.BigDecimal;

/** Averages of all reviewers' {@link Scores} of one review round, each from 1 to 5 with 2 decimals. */
public record ScoreAverages(
        BigDecimal need,
        BigDecimal feasibility,
        BigDecimal integrationImpact,
        BigDecimal sustainability) {
}
