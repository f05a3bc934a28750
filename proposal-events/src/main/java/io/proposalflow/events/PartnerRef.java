package io.proposalflow.events;

/**
 * A partner organisation taking part in a proposal.
 *
 * @param id   organisation slug, e.g. {@code stiftung-neuerkerode}
 * @param name organisation name (never a person's name)
 * @param role what the organisation contributes, e.g. "Träger" or "Kinderbetreuung"
 */
public record PartnerRef(String id, String name, String role) {
}
