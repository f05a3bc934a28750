package io.proposalflow.notification.domain;

/**
 * The address of a focus group (id: the Themenfeld key, e.g. HEALTH) or of a reviewer (id: the
 * reviewer id used in review events).
 */
public record Address(String id, String name, String email, Language language) {
}
