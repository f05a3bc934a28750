package io.proposalflow.notification.domain;

/** A contact person of a partner organisation; with reviewers' addresses the only personal data of the system. */
public record Contact(String id, String name, String email, Language language) {
}
