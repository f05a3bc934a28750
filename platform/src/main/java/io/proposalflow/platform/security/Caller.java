package io.proposalflow.platform.security;

import java.util.Set;

import io.proposalflow.events.Themenfeld;

/**
 * Who is calling, whatever the way they authenticated (HTTP Basic with a configured user, or a
 * JWT from the configured issuer). Controllers take it as a parameter; the platform resolves it.
 *
 * @param id            the user id: the Basic user name or the JWT subject; for reviewers also their reviewer id
 * @param focusGroup    the Themenfeld of the focus group the caller belongs to, or {@code null}
 * @param organisations ids of the partner organisations the caller is affiliated with
 */
public record Caller(String id, Set<Role> roles, Themenfeld focusGroup, Set<String> organisations) {

    public Caller {
        roles = Set.copyOf(roles);
        organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isCoordinator() {
        return has(Role.COORDINATOR);
    }
}
