package io.proposalflow.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.context.i18n.SimpleLocaleContext;

import io.proposalflow.portal.backend.Backend;
import io.proposalflow.portal.backend.NotificationApi;
import io.proposalflow.portal.backend.ProposalApi;
import io.proposalflow.portal.backend.ReviewApi;
import io.proposalflow.portal.backend.ServiceClient;
import io.proposalflow.portal.security.BasicServiceAuthentication;
import io.proposalflow.portal.security.OidcLogin;
import io.proposalflow.portal.security.PortalRole;
import io.proposalflow.portal.security.ServiceAuthentication;
import io.proposalflow.portal.security.ServiceSignIn;

/** Wiring: the service clients, sign-in, the session cookie and the language of the pages. */
@Configuration
@EnableWebFluxSecurity
public class PortalConfiguration {

    /** The cookie that remembers the language chosen with the switch in the header. */
    public static final String LANGUAGE_COOKIE = "lang";

    /** Paths anyone may open: sign-in, assets, the accessibility statement, the language switch, health. */
    private static final String[] PUBLIC_PATHS = { "/login", "/css/**", "/img/**", "/favicon.ico",
            "/barrierefreiheit", "/language", "/actuator/health", "/actuator/health/**" };

    /** OIDC sign-in when an issuer is configured (PORTAL_OIDC_ISSUER_URI); the form otherwise. */
    @Bean
    @ConditionalOnExpression("!'${portal.oidc.issuer-uri:}'.isBlank()")
    OidcLogin oidcLogin(Environment environment) {
        return new OidcLogin(environment.getRequiredProperty("portal.oidc.issuer-uri"),
                environment.getRequiredProperty("portal.oidc.client-id"),
                environment.getProperty("portal.oidc.client-secret", ""));
    }

    @Bean
    ServiceAuthentication serviceAuthentication(ObjectProvider<OidcLogin> oidc) {
        OidcLogin login = oidc.getIfAvailable();
        return login != null ? login.tokenRelay() : new BasicServiceAuthentication();
    }

    @Bean
    ProposalApi proposalApi(PortalProperties properties, WebClient.Builder builder, ServiceAuthentication auth) {
        return new ProposalApi(client(Backend.PROPOSALS, properties.proposalService(), properties, builder, auth));
    }

    @Bean
    ReviewApi reviewApi(PortalProperties properties, WebClient.Builder builder, ServiceAuthentication auth) {
        return new ReviewApi(client(Backend.REVIEWS, properties.reviewService(), properties, builder, auth));
    }

    @Bean
    NotificationApi notificationApi(PortalProperties properties, WebClient.Builder builder,
            ServiceAuthentication auth) {
        return new NotificationApi(client(Backend.NOTIFICATIONS, properties.notificationService(), properties,
                builder, auth));
    }

    private static ServiceClient client(Backend backend, String baseUrl, PortalProperties properties,
            WebClient.Builder builder, ServiceAuthentication auth) {
        return new ServiceClient(backend, baseUrl, builder, auth.filter(), properties.connectTimeout(),
                properties.responseTimeout());
    }

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ProposalApi proposals, ReviewApi reviews,
            ObjectProvider<OidcLogin> oidc) {
        DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
        RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
        OidcLogin login = oidc.getIfAvailable();
        if (login != null) {
            login.configure(http);
        } else {
            http.formLogin(f -> f
                    .loginPage("/login")
                    .authenticationManager(new ServiceSignIn(proposals, reviews))
                    // a service that cannot be reached is not a wrong password: say which it is
                    .authenticationFailureHandler((exchange, e) -> redirect.sendRedirect(exchange.getExchange(),
                            URI.create(e instanceof AuthenticationServiceException ? "/login?unavailable"
                                    : "/login?error"))));
        }
        return http
                .authorizeExchange(a -> a
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .pathMatchers("/coordination/**", "/proposals/*/funding").hasRole(PortalRole.COORDINATOR.name())
                        .pathMatchers("/proposals/new", "/proposals/*/edit", "/proposals/*/submit",
                                "/proposals/*/resubmit", "/proposals/*/withdraw").hasRole(PortalRole.FOCUS_GROUP.name())
                        .pathMatchers(HttpMethod.POST, "/proposals")
                                .hasRole(PortalRole.FOCUS_GROUP.name())
                        .pathMatchers("/reviews/**").hasRole(PortalRole.REVIEWER.name())
                        .pathMatchers("/proposals", "/proposals/**")
                                .hasAnyRole(PortalRole.FOCUS_GROUP.name(), PortalRole.COORDINATOR.name())
                        .anyExchange().authenticated())
                // sign-out ends the whole session: the identity and the credentials kept in it go with it
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(login != null ? login.logoutSuccess() : loggedOut)
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler())))
                .exceptionHandling(e -> e.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
                // every asset is the portal's own: nothing from elsewhere, no inline script
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        // written only to requests that came over TLS (directly, or X-Forwarded-Proto from
                        // the reverse proxy: server.forward-headers-strategy); a year, as browsers' preload lists ask
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .build();
    }

    /** The session cookie: not readable by scripts, not sent along with cross-site requests. */
    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName("PORTAL_SESSION");
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
        return resolver;
    }

    /**
     * German unless the reader chose English with the switch: the choice is remembered for a year in a
     * cookie (HttpOnly, SameSite=Lax), the one place that reads and writes it.
     */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    org.springframework.web.server.ServerWebExchange exchange) {
                HttpCookie chosen = exchange.getRequest().getCookies().getFirst(LANGUAGE_COOKIE);
                return new SimpleLocaleContext(chosen != null && "en".equals(chosen.getValue())
                        ? Locale.ENGLISH : Locale.GERMAN);
            }

            @Override
            public void setLocaleContext(org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.context.i18n.LocaleContext localeContext) {
                boolean english = localeContext != null && Locale.ENGLISH.getLanguage().equals(
                        localeContext.getLocale() == null ? null : localeContext.getLocale().getLanguage());
                exchange.getResponse().addCookie(ResponseCookie.from(LANGUAGE_COOKIE, english ? "en" : "de")
                        .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
            }
        };
    }
}
