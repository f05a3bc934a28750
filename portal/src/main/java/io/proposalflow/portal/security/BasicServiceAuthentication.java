package io.proposalflow.portal.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import reactor.core.publisher.Mono;

/**
 * The embedded default: each request to a service carries the signed-in user's demo credentials as
 * HTTP Basic, taken from the security context of the page request (kept in the server-side session).
 * A request without a signed-in user goes out without credentials and the service answers 401.
 */
public final class BasicServiceAuthentication implements ServiceAuthentication {

    @Override
    public ExchangeFilterFunction filter() {
        return (request, next) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(PortalAuthentication.class::isInstance)
                .map(a -> ((PortalAuthentication) a).serviceCredentials())
                .map(c -> ClientRequest.from(request)
                        .headers(h -> h.setBasicAuth(c.username(), c.password(), StandardCharsets.UTF_8))
                        .build())
                .defaultIfEmpty(request)
                .flatMap(next::exchange);
    }
}
