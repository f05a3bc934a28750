package io.proposalflow.portal.security;

import java.io.Serializable;

import io.proposalflow.events.Themenfeld;

/**
 * Who is signed in, as the pages need it.
 *
 * @param themenfeld a focus group's Themenfeld when known (from its proposals), else null
 */
public record PortalUser(String username, PortalRole role, Themenfeld themenfeld) implements Serializable {

    public boolean is(PortalRole r) {
        return role == r;
    }

    public boolean isFocusGroup() {
        return role == PortalRole.FOCUS_GROUP;
    }

    public boolean isReviewer() {
        return role == PortalRole.REVIEWER;
    }

    public boolean isCoordinator() {
        return role == PortalRole.COORDINATOR;
    }
}
