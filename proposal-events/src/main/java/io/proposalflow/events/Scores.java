package io.proposalflow.events;

/** One reviewer's scores, each from 1 (poor) to 5 (excellent). */
public record Scores(int need, int feasibility, int integrationImpact, int sustainability) {
}
