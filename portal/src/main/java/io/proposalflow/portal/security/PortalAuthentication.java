package io.proposalflow.portal.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in portal user and what the portal shows the services on their behalf. It lives only in
 * the server-side WebSession (in memory); the browser holds nothing but the session cookie.
 *
 * @see ServiceAuthentication
 */
public final class PortalAuthentication extends AbstractAuthenticationToken {

    private final PortalUser user;
    private final transient ServiceCredentials credentials;
    /** With OIDC sign-in: the provider's ID token, the hint its end-session endpoint asks for. */
    private final transient String idToken;

    private PortalAuthentication(PortalUser user, ServiceCredentials credentials, String idToken,
            boolean authenticated) {
        super(user == null ? List.of() : List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.credentials = credentials;
        this.idToken = idToken;
        setAuthenticated(authenticated);
    }

    /** Credentials not checked yet: used only to ask the services whether they accept them. */
    static PortalAuthentication candidate(ServiceCredentials credentials) {
        return new PortalAuthentication(null, credentials, null, false);
    }

    static PortalAuthentication signedIn(PortalUser user, ServiceCredentials credentials) {
        return new PortalAuthentication(user, credentials, null, true);
    }

    /** Signed in at the identity provider: no credentials of its own; the tokens stay with the authorized client. */
    static PortalAuthentication fromProvider(PortalUser user, String idToken) {
        return new PortalAuthentication(user, null, idToken, true);
    }

    public String idToken() {
        return idToken;
    }

    public PortalUser user() {
        return user;
    }

    public ServiceCredentials serviceCredentials() {
        return credentials;
    }

    @Override
    public Object getCredentials() {
        // never handed out through the generic API (e.g. to templates); ServiceAuthentication reads it
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user != null ? user.username() : credentials.username();
    }
}
