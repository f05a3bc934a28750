package io.proposalflow.testsupport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider for tests ({@code no.nav.security:mock-oauth2-server}): discovery,
 * JWKS, token, authorization and end-session endpoints on a free port of 127.0.0.1. It signs tokens
 * with its own keys, so a service that trusts {@link #issuerUri()} verifies them exactly as it would
 * verify a Keycloak token: signature from the JWKS, issuer, expiry and audience.
 *
 * <p>The claims are the ones the services read (README, "Security"): {@code roles},
 * {@code focus_group}, {@code organisations}; the audience the services require is {@link #AUDIENCE}.
 */
public final class OidcProvider implements AutoCloseable {

    /** The path the issuer lives under, like a Keycloak realm. */
    public static final String ISSUER_ID = "proposalflow";
    /** The audience every service requires (README, "Configuration"). */
    public static final String AUDIENCE = "proposalflow-api";

    private final MockOAuth2Server server;

    private OidcProvider(MockOAuth2Server server) {
        this.server = server;
    }

    /**
     * Starts a provider that signs a browser in without asking (no login form): whom, is told
     * beforehand with {@link #signInNextAs}.
     */
    public static OidcProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false));
        server.start(InetAddress.getLoopbackAddress(), 0);
        return new OidcProvider(server);
    }

    public String issuerUri() {
        return issuerUri(ISSUER_ID);
    }

    public String issuerUri(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /** A token for the API, valid for an hour. */
    public String token(String subject, Map<String, Object> claims) {
        return token(ISSUER_ID, subject, AUDIENCE, claims, Duration.ofHours(1));
    }

    /** A token as the provider would sign it; a negative {@code validFor} gives one that has expired. */
    public String token(String issuerId, String subject, String audience, Map<String, Object> claims, Duration validFor) {
        return server.issueToken(issuerId, subject, audience, claims, validFor.toSeconds()).serialize();
    }

    /**
     * The next browser that comes to the provider's login is signed in as {@code subject} with these
     * claims, in ID and access token alike (as the Keycloak realm's mappers do): audience the API and
     * the client, authorized party the client; the access token is valid for {@code validFor}.
     */
    public void signInNextAs(String subject, String clientId, Map<String, Object> claims, Duration validFor) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("azp", clientId);
        all.put("preferred_username", subject);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(AUDIENCE, clientId),
                all, validFor.toSeconds()));
    }

    /** Claims of a focus-group member. */
    public static Map<String, Object> focusGroup(String themenfeld) {
        return Map.of("roles", List.of("FOCUS_GROUP"), "focus_group", themenfeld);
    }

    /** Claims of a reviewer affiliated with the given organisations. */
    public static Map<String, Object> reviewer(String... organisations) {
        return Map.of("roles", List.of("REVIEWER"), "organisations", List.of(organisations));
    }

    /** Claims of the coordination. */
    public static Map<String, Object> coordinator() {
        return Map.of("roles", List.of("COORDINATOR"));
    }

    /** Claims with one more (or a replaced) entry. */
    public static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(claims);
        copy.put(name, value);
        return copy;
    }

    /** The underlying server, for what this class does not wrap (e.g. enqueueing a login's claims). */
    public MockOAuth2Server server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
