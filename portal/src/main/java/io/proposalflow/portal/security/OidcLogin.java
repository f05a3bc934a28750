package io.proposalflow.portal.security;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;

import io.proposalflow.events.Themenfeld;
import reactor.core.publisher.Mono;

/**
 * Sign-in against the county's identity provider (OpenID Connect) instead of the form: authorization
 * code with PKCE for a confidential client, the tokens kept in the server-side session, the access
 * token relayed to the services and refreshed shortly before it expires, and sign-out that also ends
 * the session at the provider (RP-initiated logout). Used when {@code portal.oidc.issuer-uri} is set
 * (ADR 16); the pages see the same {@link PortalUser} as with the form.
 *
 * <p>The provider's ID token carries the claims the services read from the access token:
 * {@code roles}, {@code focus_group}, {@code organisations} (README, "Security").
 */
public final class OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

    public static final String REGISTRATION_ID = "portal";
    /** Where the browser goes to sign in: Spring Security redirects from here to the provider. */
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;
    /** A token that expires within this is refreshed before it is relayed. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(60);

    private final ReactiveClientRegistrationRepository registrations;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients =
            new WebSessionServerOAuth2AuthorizedClientRepository();
    private final ServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();
    private final ReactiveOAuth2AuthorizedClientManager clientManager;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    /** Reads the provider's discovery document once, at start. */
    public OidcLogin(String issuerUri, String clientId, String clientSecret) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuerUri)
                .registrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        this.registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(r -> r.clockSkew(REFRESH_AHEAD))
                .build());
        this.clientManager = manager;
    }

    /** oauth2Login in place of the form, with PKCE, tokens in the session and the portal's own identity. */
    public void configure(ServerHttpSecurity http) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(pkce)
                        .securityContextRepository(contexts)
                        .authenticationSuccessHandler(this::signedIn)
                        .authenticationFailureHandler((exchange, e) -> {
                            // the reason is for the operator (a clock, a client secret, a mapper), not the page
                            LOG.warn("sign-in at the identity provider failed: {}", e.getMessage());
                            return redirect.sendRedirect(exchange.getExchange(), URI.create("/login?error"));
                        }))
                .oauth2Client(c -> c.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients))
                .securityContextRepository(contexts)
                .exceptionHandling(e -> e.authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH)));
    }

    /**
     * After the provider's login: the session holds a {@link PortalAuthentication} (what the pages and
     * the role rules read) with the ID token for sign-out; the tokens stay with the authorized client.
     * Someone the provider knows but who has none of the portal's roles is not signed in.
     */
    private Mono<Void> signedIn(WebFilterExchange exchange, Authentication authentication) {
        OidcUser oidc = (OidcUser) ((OAuth2AuthenticationToken) authentication).getPrincipal();
        PortalUser user = portalUser(oidc);
        if (user == null) {
            return exchange.getExchange().getSession().flatMap(s -> s.invalidate())
                    .then(redirect.sendRedirect(exchange.getExchange(), URI.create("/login?error")));
        }
        SecurityContext context = new SecurityContextImpl(
                PortalAuthentication.fromProvider(user, oidc.getIdToken().getTokenValue()));
        return contexts.save(exchange.getExchange(), context)
                .then(redirect.sendRedirect(exchange.getExchange(), URI.create("/")));
    }

    /** The portal's view of the provider's user: one role (coordination first), the focus group's Themenfeld. */
    static PortalUser portalUser(OidcUser oidc) {
        Collection<String> roles = oidc.getClaimAsStringList("roles");
        if (roles == null) {
            return null;
        }
        PortalRole role = roles.contains(PortalRole.COORDINATOR.name()) ? PortalRole.COORDINATOR
                : roles.contains(PortalRole.FOCUS_GROUP.name()) ? PortalRole.FOCUS_GROUP
                : roles.contains(PortalRole.REVIEWER.name()) ? PortalRole.REVIEWER : null;
        if (role == null) {
            return null;
        }
        String name = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
        Themenfeld themenfeld = null;
        String focusGroup = oidc.getClaimAsString("focus_group");
        if (role == PortalRole.FOCUS_GROUP && focusGroup != null) {
            try {
                themenfeld = Themenfeld.valueOf(focusGroup);
            } catch (IllegalArgumentException e) {
                themenfeld = null;
            }
        }
        return new PortalUser(name, role, themenfeld);
    }

    /** Adds the signed-in user's access token (refreshed when it is about to expire) to each service call. */
    public ServiceAuthentication tokenRelay() {
        return () -> (ExchangeFilterFunction) (request, next) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(PortalAuthentication.class::isInstance)
                .flatMap(user -> clientManager.authorize(
                        OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(user).build()))
                .map(client -> ClientRequest.from(request)
                        .headers(h -> h.setBearerAuth(client.getAccessToken().getTokenValue()))
                        .build())
                .defaultIfEmpty(request)
                .flatMap(next::exchange);
    }

    /**
     * After the portal's sign-out (the session is gone), the browser goes on to the provider's
     * end-session endpoint, which ends the provider's session too and sends it back to the sign-in page.
     */
    public ServerLogoutSuccessHandler logoutSuccess() {
        return (exchange, authentication) -> registrations.findByRegistrationId(REGISTRATION_ID)
                .flatMap(registration -> {
                    Object endSession = registration.getProviderDetails().getConfigurationMetadata()
                            .get("end_session_endpoint");
                    URI back = UriComponentsBuilder.fromUri(exchange.getExchange().getRequest().getURI())
                            .replacePath("/login").replaceQuery("logout").build().toUri();
                    if (endSession == null) {
                        return redirect.sendRedirect(exchange.getExchange(), back);
                    }
                    UriComponentsBuilder target = UriComponentsBuilder.fromUriString(endSession.toString())
                            .queryParam("client_id", registration.getClientId())
                            .queryParam("post_logout_redirect_uri", back.toString());
                    if (authentication instanceof PortalAuthentication portal && portal.idToken() != null) {
                        target.queryParam("id_token_hint", portal.idToken());
                    }
                    return redirect.sendRedirect(exchange.getExchange(), target.encode().build().toUri());
                });
    }
}
