package io.proposalflow.portal.security;

/** The three kinds of people who work in the portal; the same roles the services check. */
public enum PortalRole {
    FOCUS_GROUP,
    REVIEWER,
    COORDINATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
