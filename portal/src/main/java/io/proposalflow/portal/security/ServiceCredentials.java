package io.proposalflow.portal.security;

/**
 * What identifies the user towards the services. For the embedded default that is the demo user's
 * name and password (HTTP Basic); an OIDC login would keep its tokens with the authorized client
 * instead and relay the access token (ADR 10).
 */
public record ServiceCredentials(String username, String password) {

    @Override
    public String toString() {
        return "ServiceCredentials[" + username + ", password hidden]";
    }
}
